using Guichet.Core.Agents;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Guichet.BrowserTests;

/// <summary>Issue 27 in a real browser: an admin builds a rule from the page's fields, tries it (the cases it would touch now), saves it, and it runs.</summary>
public sealed class RulesInChromiumTests(ChromiumFixture chromium, SqliteServer server) : IClassFixture<ChromiumFixture>, IClassFixture<SqliteServer>
{
    [Fact]
    public async Task An_admin_builds_a_rule_with_fields_sees_its_dry_run_and_it_runs_once_saved()
    {
        Assert.SkipWhen(chromium.SkipReason is not null, chromium.SkipReason ?? "");
        var word = $"essieu{Guid.NewGuid():N}"[..14];
        var (_, matching) = await server.Api.PostJsonAsync("/api/cases", Contacts.French($"essieu.{Guid.NewGuid():N}@example.fr", $"Bonjour, l'{word} de ma remorque est tordu."));
        var (_, other) = await server.Api.PostJsonAsync("/api/cases", Contacts.French($"autre.{Guid.NewGuid():N}@example.fr", "Bonjour, ma facture ?"));
        using (await Browserless.SignInAsync(server, "rules.admin@guichet.test", "Rémi Règles", role: AgentRole.Admin)) { }
        await using var context = await chromium.Browser!.NewContextAsync(new() { BaseURL = server.BaseAddress.ToString(), Locale = "fr-FR" });
        var page = await context.NewPageAsync();
        await ChromiumFixture.SignInAsync(page, "rules.admin@guichet.test");
        await page.ClickAsync("#rules-link");

        await page.FillAsync("#rule-name", $"Pièces {word}");
        await page.SelectOptionAsync("#rule-when", "case.customer_wrote");
        await page.SelectOptionAsync("select[name='c0.field']", "words");
        await page.SelectOptionAsync("select[name='c0.op']", "any");
        await page.FillAsync("input[name='c0.value']", word);
        await page.SelectOptionAsync("select[name='a0.kind']", "addTag");
        await page.FillAsync("input[name='a0.value']", $"pieces-{word}");
        await page.SelectOptionAsync("select[name='a1.kind']", "priority");
        await page.FillAsync("input[name='a1.value']", "high");

        // Tried first: the case whose customer used the word is listed, the other is not, and nothing changed.
        await page.ClickAsync("#rule-dry-run");
        await Assertions.Expect(page.Locator("#dry-run")).ToContainTextAsync(matching.Str("reference"));
        await Assertions.Expect(page.Locator("#dry-run")).Not.ToContainTextAsync(other.Str("reference"));
        await Assertions.Expect(page.Locator("input[name='c0.value']")).ToHaveValueAsync(word);
        await ChromiumFixture.ScreenshotAsync(page, "rule-dry-run.png");
        Assert.Equal(0, await server.ReadDbAsync(db => db.Rules.CountAsync()));

        // A wrong value is refused by its row, the fields kept.
        await page.FillAsync("input[name='a1.value']", "très haute");
        await page.ClickAsync("#rule-save");
        await Assertions.Expect(page.Locator("#rule-errors")).ToContainTextAsync("actions[1].value");
        await Assertions.Expect(page.Locator("#rule-name")).ToHaveValueAsync($"Pièces {word}");
        await page.FillAsync("input[name='a1.value']", "high");
        await page.ClickAsync("#rule-save");
        await Assertions.Expect(page.Locator("#rules")).ToContainTextAsync($"Pièces {word}");

        // Saved, it runs on the next customer message with the word.
        (await server.Api.PostJsonAsync($"/api/cases/{other.Str("id")}/messages", new { direction = "in", body = $"Et l'{word} aussi." })).Response.EnsureSuccessStatusCode();
        await server.AdvanceAsync(TimeSpan.FromSeconds(1));
        var (_, c) = await server.Api.GetJsonAsync($"/api/cases/{other.Str("id")}");
        Assert.Contains($"pieces-{word}", c["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("high", c.Str("priority"));
        await page.GotoAsync($"/cases/{other.Str("id")}");
        await Assertions.Expect(page.Locator("#timeline")).ToContainTextAsync($"Pièces {word}");

        // A service level from the same page: refused without a target, then listed with whom it covers.
        await page.ClickAsync("#rules-link");
        await page.FillAsync("#policy-name", "Or");
        await page.ClickAsync("#policy-save");
        await Assertions.Expect(page.Locator("#rule-errors")).ToContainTextAsync("firstReplyHours");
        await Assertions.Expect(page.Locator("select[name='c0.field']")).ToHaveCountAsync(1);
        await page.FillAsync("#policy-name", "Or");
        await page.SelectOptionAsync("#policy-priority", "urgent");
        await page.FillAsync("#policy-tier", "gold");
        await page.FillAsync("#policy-first", "2");
        await page.FillAsync("#policy-next", "4,5");
        await page.ClickAsync("#policy-save");
        await Assertions.Expect(page.Locator("#service-levels")).ToContainTextAsync("urgent · gold");
        var (_, levels) = await server.Api.GetJsonAsync("/api/service-levels");
        var gold = levels.AsArray().Single(p => p!.Str("name") == "Or")!;
        Assert.Equal(("2", "4.5"), (gold.Str("firstReplyHours"), gold.Str("nextReplyHours")));
        await page.Locator("#service-levels tr", new() { HasText = "Or" }).Locator("button").ClickAsync();
        await Assertions.Expect(page.Locator("#service-levels")).ToHaveCountAsync(0);
    }
}
