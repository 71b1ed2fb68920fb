using Guichet.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Guichet.BrowserTests;

/// <summary>
/// Issue 26 in a real browser: a file dropped on the reply goes with it, a customer attaches a
/// photo on the portal, on their follow page and in the chat widget, and an agent splits a message
/// about another problem into a case of its own.
/// </summary>
public sealed class FilesInChromiumTests(ChromiumFixture chromium, SqliteServer server) : IClassFixture<ChromiumFixture>, IClassFixture<SqliteServer>
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', .. Enumerable.Range(0, 600).Select(i => (byte)i)];

    [Fact]
    public async Task A_file_dropped_on_the_reply_leaves_with_it_and_a_message_is_split_into_a_case_of_its_own()
    {
        Assert.SkipWhen(chromium.SkipReason is not null, chromium.SkipReason ?? "");
        var (_, created) = await server.Api.PostJsonAsync("/api/cases", Contacts.French($"depot.{Guid.NewGuid():N}@example.fr"));
        var caseId = created.Str("id");
        (await server.Api.PostJsonAsync($"/api/cases/{caseId}/messages", new { direction = "in", body = "Autre chose : ma facture de novembre est en double." })).Response.EnsureSuccessStatusCode();
        using (await Browserless.SignInAsync(server, "files.agent@guichet.test", "Fanny Fichiers")) { }
        await using var context = await chromium.Browser!.NewContextAsync(new() { BaseURL = server.BaseAddress.ToString(), Locale = "fr-FR" });
        var page = await context.NewPageAsync();
        await ChromiumFixture.SignInAsync(page, "files.agent@guichet.test");
        await page.GotoAsync($"/cases/{caseId}");

        // Dragged from the desktop onto the reply: listed by name, then sent with it.
        var dropped = await page.EvaluateHandleAsync("""
            () => {
              const files = new DataTransfer();
              files.items.add(new File(['%PDF-1.4\n% plan de montage\n%%EOF\n'], 'plan de montage.pdf', { type: 'application/pdf' }));
              return files;
            }
            """);
        await page.DispatchEventAsync("#reply-form", "drop", new { dataTransfer = dropped });
        await Assertions.Expect(page.Locator("#reply-form [data-file-list]")).ToContainTextAsync("plan de montage.pdf");
        await page.FillAsync("#reply", "Bonjour Julien Rio, voici le plan de montage.");
        await page.ClickAsync("#reply-form button[type=submit]");
        await Assertions.Expect(page.Locator("#timeline")).ToContainTextAsync("voici le plan de montage");
        var link = page.Locator("#timeline a[download]", new() { HasText = "plan de montage.pdf" });
        await Assertions.Expect(link).ToHaveCountAsync(1);
        var file = await page.APIRequest.GetAsync(await link.GetAttributeAsync("href") ?? "");
        Assert.StartsWith("%PDF-1.4", System.Text.Encoding.ASCII.GetString(await file.BodyAsync()), StringComparison.Ordinal);

        // The second problem becomes its own case, with its own date, pointing back here.
        var second = page.Locator(".msg", new() { HasText = "facture de novembre" });
        await second.Locator("form.split button").ClickAsync();
        await page.WaitForURLAsync(url => !url.EndsWith($"/cases/{caseId}", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#timeline")).ToContainTextAsync("facture de novembre est en double");
        await Assertions.Expect(page.Locator("#timeline")).ToContainTextAsync(created.Str("reference"));
        await ChromiumFixture.ScreenshotAsync(page, "case-split.png");
        var newId = long.Parse(new Uri(page.Url).Segments[^1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await server.ReadDbAsync(db => db.Promises.AnyAsync(p => p.CaseId == newId && p.Kind == Core.Promises.PromiseKind.FirstResponse)));
    }

    [Fact]
    public async Task A_customer_attaches_a_photo_on_the_portal_and_on_their_follow_page()
    {
        Assert.SkipWhen(chromium.SkipReason is not null, chromium.SkipReason ?? "");
        await using var context = await chromium.Browser!.NewContextAsync(new() { BaseURL = server.BaseAddress.ToString(), Locale = "fr-FR" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/contact");
        await page.FillAsync("#name", "Paul Piscine");
        await page.FillAsync("#email", $"paul.{Guid.NewGuid():N}@example.fr");
        await page.FillAsync("#subject", "Pompe qui fuit");
        await page.FillAsync("#body", "Bonjour, la pompe de ma piscine fuit, photo jointe.");
        await page.SetInputFilesAsync("#files", new FilePayload { Name = "pompe.jpg", MimeType = "image/jpeg", Buffer = Jpeg });
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("/suivi/", StringComparison.Ordinal));
        var photo = page.Locator("a[download]", new() { HasText = "pompe.jpg" });
        await Assertions.Expect(photo).ToHaveCountAsync(1);
        var got = await page.APIRequest.GetAsync(await photo.GetAttributeAsync("href") ?? "");
        Assert.Equal(Jpeg, await got.BodyAsync());

        // From the follow page: a second photo alone, and a program dressed as a photo refused by name.
        await page.SetInputFilesAsync("#reply-files", new FilePayload { Name = "joint.jpg", MimeType = "image/jpeg", Buffer = Jpeg });
        await page.ClickAsync("form[enctype] button[type=submit]");
        await Assertions.Expect(page.Locator("a[download]", new() { HasText = "joint.jpg" })).ToHaveCountAsync(1);
        await page.SetInputFilesAsync("#reply-files", new FilePayload { Name = "photo.jpg", MimeType = "image/jpeg", Buffer = [.. "MZ"u8.ToArray(), 0x90, 0, 3, 0] });
        await page.ClickAsync("form[enctype] button[type=submit]");
        await Assertions.Expect(page.Locator("#errors")).ToContainTextAsync("photo.jpg");
        await ChromiumFixture.ScreenshotAsync(page, "portal-files.png");
        Assert.Equal(2, await server.ReadDbAsync(db => db.Attachments.CountAsync(a => a.FileName == "pompe.jpg" || a.FileName == "joint.jpg")));
    }

    [Fact]
    public async Task A_visitor_sends_a_photo_in_the_chat_and_sees_it_in_the_conversation()
    {
        Assert.SkipWhen(chromium.SkipReason is not null, chromium.SkipReason ?? "");
        await using var context = await chromium.Browser!.NewContextAsync(new() { BaseURL = server.BaseAddress.ToString(), Locale = "fr-FR" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/chat/demo");
        await page.ClickAsync("#guichet-chat-open");
        await Assertions.Expect(page.Locator("#guichet-chat")).ToHaveAttributeAsync("data-ready", "true");
        await page.FillAsync("#guichet-chat-text", "Voici la photo du skimmer cassé.");
        await page.SetInputFilesAsync("#guichet-chat-file", new FilePayload { Name = "skimmer.jpg", MimeType = "image/jpeg", Buffer = Jpeg });
        var log = page.Locator("#guichet-chat-log");
        await Assertions.Expect(log).ToContainTextAsync("Voici la photo du skimmer cassé.");
        var link = log.Locator("a.guichet-chat-file", new() { HasText = "skimmer.jpg" });
        await Assertions.Expect(link).ToHaveCountAsync(1);
        var got = await page.APIRequest.GetAsync(await link.GetAttributeAsync("href") ?? "");
        Assert.Equal(Jpeg, await got.BodyAsync());
        // The agent sees it on the chat case; the visitor's token is in no link.
        Assert.DoesNotContain("visitor", await link.GetAttributeAsync("href") ?? "", StringComparison.Ordinal);
        var caseId = await server.ReadDbAsync(db => db.Attachments.Where(a => a.FileName == "skimmer.jpg").Select(a => db.Messages.Where(m => m.Id == a.MessageId).Select(m => m.CaseId).First()).FirstAsync());
        Assert.Equal(Core.Channel.Chat, await server.ReadDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.Channel).SingleAsync()));

        // A program is refused, said in the widget.
        await page.SetInputFilesAsync("#guichet-chat-file", new FilePayload { Name = "photo.jpg", MimeType = "image/jpeg", Buffer = [.. "MZ"u8.ToArray(), 0x90, 0, 3, 0] });
        await Assertions.Expect(log).ToContainTextAsync("Le fichier n'est pas parti");
    }
}
