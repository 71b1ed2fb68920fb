using Guichet.Testing;
using Microsoft.Playwright;

namespace Guichet.BrowserTests;

/// <summary>An agent in a real browser: sign in, find the case by its due time, reply, get stopped, fix, send.</summary>
public sealed class WorkspaceInChromiumTests(ChromiumFixture chromium, SqliteServer server) : IClassFixture<ChromiumFixture>, IClassFixture<SqliteServer>
{
    [Fact]
    public async Task An_agent_answers_a_case_and_the_send_guard_keeps_their_draft()
    {
        Assert.SkipWhen(chromium.SkipReason is not null, chromium.SkipReason ?? "");
        var (_, created) = await server.Api.PostJsonAsync("/api/cases", Contacts.French("browser@example.fr"));
        using (await Browserless.SignInAsync(server, "chrome@guichet.test", "Inès Navigatrice"))
        {
            // Creates the agent; the browser signs in on its own below.
        }

        await using var context = await chromium.Browser!.NewContextAsync(new() { BaseURL = server.BaseAddress.ToString(), Locale = "fr-FR" });
        var page = await context.NewPageAsync();
        await ChromiumFixture.SignInAsync(page, "chrome@guichet.test");

        var row = page.Locator("#cases tr", new() { HasText = created.Str("reference") });
        await Assertions.Expect(row).ToContainTextAsync("dans 4 j");
        await row.GetByRole(AriaRole.Link, new() { Name = created.Str("reference") }).ClickAsync();
        await Assertions.Expect(page.Locator("#timeline")).ToContainTextAsync("mardi 1er décembre à 16:00");

        await page.FillAsync("#reply", "Bonjour [NAME], votre valise arrive demain.");
        await page.ClickAsync("#reply-form button");
        await Assertions.Expect(page.Locator("#errors")).ToContainTextAsync("La réponse contient encore des champs à remplir : [NAME].");
        await Assertions.Expect(page.Locator("#reply")).ToHaveValueAsync("Bonjour [NAME], votre valise arrive demain.");

        await page.FillAsync("#reply", "Bonjour Julien Rio, votre valise arrive demain.");
        await page.ClickAsync("#reply-form button");
        await Assertions.Expect(page.Locator("#timeline")).ToContainTextAsync("votre valise arrive demain");
        await Assertions.Expect(page.Locator("#promises")).ToContainTextAsync("tenue");
        await Assertions.Expect(page.Locator("#errors")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_agent_works_a_case_from_the_keyboard_and_on_a_phone()
    {
        Assert.SkipWhen(chromium.SkipReason is not null, chromium.SkipReason ?? "");
        var (_, created) = await server.Api.PostJsonAsync("/api/cases", Contacts.French("keyboard@example.fr"));
        using (await Browserless.SignInAsync(server, "keys@guichet.test", "Inès Clavier"))
        {
        }
        await using var context = await chromium.Browser!.NewContextAsync(new() { BaseURL = server.BaseAddress.ToString(), Locale = "fr-FR" });
        var page = await context.NewPageAsync();
        await ChromiumFixture.SignInAsync(page, "keys@guichet.test");

        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Boîte de réception");
        // The first Tab reaches the skip link, which leads past the menu.
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator("a.skip")).ToBeFocusedAsync();
        // "?" lists the shortcuts.
        await page.Keyboard.PressAsync("?");
        await Assertions.Expect(page.Locator("#shortcuts")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");

        await page.GotoAsync($"/cases/{created.Str("id")}");
        // One keystroke to the reply box; Ctrl+Enter sends it.
        await page.Keyboard.PressAsync("r");
        await Assertions.Expect(page.Locator("#reply")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Bonjour Julien Rio, votre valise est retrouvée et arrive demain.");
        await page.Keyboard.PressAsync("Control+Enter");
        await Assertions.Expect(page.Locator("#timeline")).ToContainTextAsync("votre valise est retrouvée");

        // At 390 px the conversation comes first and nothing covers it.
        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        var conversation = await page.Locator("#timeline").BoundingBoxAsync();
        var side = await page.Locator("aside").First.BoundingBoxAsync();
        Assert.NotNull(conversation);
        Assert.NotNull(side);
        Assert.True(side!.Y >= conversation!.Y + conversation.Height, $"the side column ({side.Y}) starts above the conversation's end ({conversation.Y + conversation.Height})");
        Assert.True(conversation.Width <= 390, $"the conversation is {conversation.Width} px wide on a 390 px screen");
        await ChromiumFixture.ScreenshotAsync(page, "case-390.png");
        await page.SetViewportSizeAsync(1440, 900);
        await page.ReloadAsync();
        await ChromiumFixture.ScreenshotAsync(page, "case-1440.png");
        await page.GotoAsync("/");
        await ChromiumFixture.ScreenshotAsync(page, "inbox-1440.png");
        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        await ChromiumFixture.ScreenshotAsync(page, "inbox-390.png");
    }

    [Fact]
    public async Task Inserting_templates_keeps_the_draft_shows_a_preview_and_combines_two()
    {
        Assert.SkipWhen(chromium.SkipReason is not null, chromium.SkipReason ?? "");
        var (_, created) = await server.Api.PostJsonAsync("/api/cases", Contacts.French("templates.browser@example.fr"));
        using (await Browserless.SignInAsync(server, "templates@guichet.test", "Inès Modèle")) { }
        await using var context = await chromium.Browser!.NewContextAsync(new() { BaseURL = server.BaseAddress.ToString(), Locale = "fr-FR" });
        var page = await context.NewPageAsync();
        await ChromiumFixture.SignInAsync(page, "templates@guichet.test");
        await page.GotoAsync($"/cases/{created.Str("id")}");

        const string draft = "Bonjour Julien Rio, merci pour votre patience.";
        await page.FillAsync("#reply", draft);
        var options = await page.Locator("#template-picker select option").AllAsync();
        Assert.True(options.Count >= 2, $"{options.Count} template(s) on the case page");
        var first = await options[0].GetAttributeAsync("value");
        var second = await options[1].GetAttributeAsync("value");
        await page.SelectOptionAsync("#template-picker select", second!);
        await Assertions.Expect(page.Locator("#template-preview")).ToBeVisibleAsync();
        var previewed = await page.Locator("#template-preview").InnerTextAsync();
        Assert.False(string.IsNullOrWhiteSpace(previewed));

        await page.ClickAsync("#template-picker button");
        await Assertions.Expect(page.Locator("#reply")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(draft)));
        var once = await page.Locator("#reply").InputValueAsync();
        Assert.True(once.Length > draft.Length + 20, "the template was inserted after the draft");
        Assert.Equal(page.Url.Split('?')[0], page.Url);

        await page.SelectOptionAsync("#template-picker select", first!);
        await page.ClickAsync("#template-picker button");
        await Assertions.Expect(page.Locator("#reply")).Not.ToHaveValueAsync(once);
        var twice = await page.Locator("#reply").InputValueAsync();
        Assert.StartsWith(once.TrimEnd(), twice, StringComparison.Ordinal);
        Assert.True(twice.Length > once.Length, "the second template joined the first");
    }

    [Fact]
    public async Task The_search_box_suggests_as_the_agent_types_and_a_tag_goes_on_the_case()
    {
        Assert.SkipWhen(chromium.SkipReason is not null, chromium.SkipReason ?? "");
        var (_, created) = await server.Api.PostJsonAsync("/api/cases", new
        {
            customer = new { name = "Hortense Recherche", email = "hortense.recherche@example.fr", language = "fr" },
            channel = "email", subject = "Trottinette électrique en panne", body = "Bonjour, la batterie ne charge plus.",
        });
        using (await Browserless.SignInAsync(server, "search@guichet.test", "Inès Cherche")) { }
        await using var context = await chromium.Browser!.NewContextAsync(new() { BaseURL = server.BaseAddress.ToString(), Locale = "fr-FR" });
        var page = await context.NewPageAsync();
        await ChromiumFixture.SignInAsync(page, "search@guichet.test");

        // "/" reaches the box; suggestions come as the agent types, with why each case came up.
        await page.Keyboard.PressAsync("/");
        await Assertions.Expect(page.Locator("#search-box")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("trottin");
        var suggestion = page.Locator("#search-suggestions a", new() { HasText = created.Str("reference") });
        await Assertions.Expect(suggestion).ToContainTextAsync("sujet");
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(suggestion).ToBeFocusedAsync();
        // The suggestion is a link: following it (as Enter on it does) opens the case.
        await suggestion.ClickAsync();
        await page.WaitForURLAsync($"**/cases/{created.Str("id")}");

        // A tag, typed ahead from those in use, goes on the case and links to the list of its cases.
        await page.FillAsync("#add-tag", "Batterie, SAV");
        await page.Locator("#tags button", new() { HasText = "Ajouter" }).ClickAsync();
        await Assertions.Expect(page.Locator("#tags .pill.tag")).ToHaveTextAsync(["batterie", "sav"]);
        await page.Locator("#tags a", new() { HasText = "batterie" }).ClickAsync();
        await Assertions.Expect(page.Locator("#cases")).ToContainTextAsync(created.Str("reference"));

        // Enter in the box opens every result, with filters.
        await page.FillAsync("#search-box", "hortense.recherche@example.fr");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/search?q=*");
        await Assertions.Expect(page.Locator("#found-cases")).ToContainTextAsync(created.Str("reference"));
        await Assertions.Expect(page.Locator("#found-customers")).ToContainTextAsync("Hortense Recherche");
        await ChromiumFixture.ScreenshotAsync(page, "search-results.png");
    }

    [Fact]
    public async Task An_agent_saves_the_inbox_filters_as_a_view_and_its_count_follows_the_cases_live()
    {
        Assert.SkipWhen(chromium.SkipReason is not null, chromium.SkipReason ?? "");
        var (_, first) = await server.Api.PostJsonAsync("/api/cases", Contacts.French("vue.un@example.fr"));
        (await server.Api.PostJsonAsync($"/api/cases/{first.Str("id")}/tags", new { add = new[] { "litige" } })).Response.EnsureSuccessStatusCode();
        using (await Browserless.SignInAsync(server, "views@guichet.test", "Inès Vue")) { }
        await using var context = await chromium.Browser!.NewContextAsync(new() { BaseURL = server.BaseAddress.ToString(), Locale = "fr-FR" });
        var page = await context.NewPageAsync();
        await ChromiumFixture.SignInAsync(page, "views@guichet.test");

        await page.FillAsync("#tag-filter", "litige");
        await page.Locator("form.filters button").ClickAsync();
        await page.Locator("details.save-view summary").ClickAsync();
        await page.FillAsync("#view-name", "Litiges");
        await page.Locator("#save-view button").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Litiges");
        var count = page.Locator("#views li", new() { HasText = "Litiges" }).Locator(".view-count");
        await Assertions.Expect(count).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("#cases")).ToContainTextAsync(first.Str("reference"));

        // A second case gets the tag elsewhere: the view's count and list follow without a reload.
        var (_, second) = await server.Api.PostJsonAsync("/api/cases", Contacts.French("vue.deux@example.fr"));
        (await server.Api.PostJsonAsync($"/api/cases/{second.Str("id")}/tags", new { add = new[] { "litige" } })).Response.EnsureSuccessStatusCode();
        await Assertions.Expect(count).ToHaveTextAsync("2", new() { Timeout = 2000 });
        await Assertions.Expect(page.Locator("#cases")).ToContainTextAsync(second.Str("reference"), new() { Timeout = 2000 });
        await ChromiumFixture.ScreenshotAsync(page, "inbox-view.png");
    }

    [Fact]
    public async Task A_macro_is_previewed_on_the_case_then_applied_and_a_bulk_action_tags_the_selection()
    {
        Assert.SkipWhen(chromium.SkipReason is not null, chromium.SkipReason ?? "");
        var (_, created) = await server.Api.PostJsonAsync("/api/cases", Contacts.French("macro.browser@example.fr"));
        var (_, other) = await server.Api.PostJsonAsync("/api/cases", Contacts.French("macro.other@example.fr"));
        (await server.Api.PostJsonAsync("/api/macros", new { name = "Escalade douce", note = "Vu par la macro.", addTags = new[] { "à-surveiller" }, priority = "high", share = "everyone" }))
            .Response.EnsureSuccessStatusCode();
        using (await Browserless.SignInAsync(server, "macros@guichet.test", "Inès Macro")) { }
        await using var context = await chromium.Browser!.NewContextAsync(new() { BaseURL = server.BaseAddress.ToString(), Locale = "fr-FR" });
        var page = await context.NewPageAsync();
        await ChromiumFixture.SignInAsync(page, "macros@guichet.test");

        await page.GotoAsync($"/cases/{created.Str("id")}");
        await page.ClickAsync("#preview-macro");
        await Assertions.Expect(page.Locator("#macro-steps")).ToContainTextAsync("Vu par la macro.");
        await Assertions.Expect(page.Locator("#tags .pill.tag")).ToHaveCountAsync(0);
        await page.ClickAsync("#apply-macro");
        await Assertions.Expect(page.Locator("#tags .pill.tag")).ToHaveTextAsync(["à-surveiller"]);
        await Assertions.Expect(page.Locator("#timeline")).ToContainTextAsync("Vu par la macro.");

        // In the inbox: tick both cases (the second with Shift, a range), tag them at once.
        await page.GotoAsync("/?status=all");
        var first = page.Locator($"#cases input.pick[value='{created.Str("id")}']");
        var second = page.Locator($"#cases input.pick[value='{other.Str("id")}']");
        await first.ClickAsync();
        await second.ClickAsync(new() { Modifiers = [KeyboardModifier.Shift] });
        await page.SelectOptionAsync("#bulk-action", "tag");
        await page.FillAsync("#bulk-tags", "lot-navigateur");
        await page.ClickAsync("#bulk-apply");
        await Assertions.Expect(page.Locator("#bulk-result")).ToContainTextAsync("modifié");
        var (_, read) = await server.Api.GetJsonAsync($"/api/cases/{other.Str("id")}");
        Assert.Contains("lot-navigateur", read["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
    }

    [Fact]
    public async Task A_bulk_action_on_the_whole_list_runs_in_the_background_and_shows_its_progress()
    {
        Assert.SkipWhen(chromium.SkipReason is not null, chromium.SkipReason ?? "");
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var (_, c) = await server.Api.PostJsonAsync("/api/cases", Contacts.French($"liste{i}.{suffix}@example.fr"));
            ids.Add(c.Str("id"));
        }
        (await server.Api.PostJsonAsync("/api/cases/bulk", new { cases = ids.Select(long.Parse), action = "tag", tags = new[] { $"liste-{suffix}" } })).Response.EnsureSuccessStatusCode();
        using (await Browserless.SignInAsync(server, "liste@guichet.test", "Lou Liste")) { }
        await using var context = await chromium.Browser!.NewContextAsync(new() { BaseURL = server.BaseAddress.ToString(), Locale = "fr-FR" });
        var page = await context.NewPageAsync();
        await ChromiumFixture.SignInAsync(page, "liste@guichet.test");

        // Nothing ticked: "the whole list" takes every case the filter shows, in the background.
        await page.GotoAsync($"/?status=all&tag=liste-{suffix}");
        await Assertions.Expect(page.Locator("label:has(#bulk-all)")).ToContainTextAsync("3 dossiers");
        await page.SelectOptionAsync("#bulk-action", "tag");
        await page.FillAsync("#bulk-tags", $"fait-{suffix}");
        await page.CheckAsync("#bulk-all");
        await page.ClickAsync("#bulk-apply");
        await page.WaitForURLAsync("**/bulk/*");
        await Assertions.Expect(page.Locator("#job-state")).ToContainTextAsync("Terminée", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#job-counts")).ToContainTextAsync("3 sur 3 traités : 3 faits, 0 refusés");
        await ChromiumFixture.ScreenshotAsync(page, "bulk-job.png");
        foreach (var id in ids)
        {
            var (_, read) = await server.Api.GetJsonAsync($"/api/cases/{id}");
            Assert.Contains($"fait-{suffix}", read["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task A_custom_field_is_filled_on_the_case_page()
    {
        Assert.SkipWhen(chromium.SkipReason is not null, chromium.SkipReason ?? "");
        (await server.Api.PostJsonAsync("/api/fields", new { key = "modele", label = "Modèle", type = "list", options = new[] { "X1", "X2" } })).Response.EnsureSuccessStatusCode();
        (await server.Api.PostJsonAsync("/api/fields", new { key = "achat", label = "Date d'achat", type = "date" })).Response.EnsureSuccessStatusCode();
        var (_, created) = await server.Api.PostJsonAsync("/api/cases", Contacts.French("champ.navigateur@example.fr"));
        using (await Browserless.SignInAsync(server, "fields@guichet.test", "Inès Champ")) { }
        await using var context = await chromium.Browser!.NewContextAsync(new() { BaseURL = server.BaseAddress.ToString(), Locale = "fr-FR" });
        var page = await context.NewPageAsync();
        await ChromiumFixture.SignInAsync(page, "fields@guichet.test");
        await page.GotoAsync($"/cases/{created.Str("id")}");

        await page.SelectOptionAsync("#field-modele", "X2");
        await page.FillAsync("#field-achat", "2026-11-02");
        await page.ClickAsync("#save-fields");
        await Assertions.Expect(page.Locator("#field-modele")).ToHaveValueAsync("X2");
        await Assertions.Expect(page.Locator("#field-achat")).ToHaveValueAsync("2026-11-02");
        await Assertions.Expect(page.Locator("#timeline")).ToContainTextAsync("modele, achat");
        var (_, read) = await server.Api.GetJsonAsync($"/api/cases/{created.Str("id")}");
        Assert.Equal("X2", read["customFields"]!["modele"]!.GetValue<string>());
    }
}
