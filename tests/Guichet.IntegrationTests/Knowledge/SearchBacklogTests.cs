using System.Net;
using Guichet.Core.Data;
using Guichet.Core.Knowledge;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.IntegrationTests.Knowledge;

/// <summary>
/// Decision 0044: on SQLite, what is written waits above the search index's marks and a pass adds
/// it; the index stays exact through changes and deletions on either side of the marks, and a
/// search finds what was written the moment before.
/// </summary>
public sealed class SearchBacklogTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    private async Task<(long Case, string Reference)> OpenAsync(string word)
    {
        var (response, c) = await server.Api.PostJsonAsync("/api/cases", new
        {
            customer = new { name = $"Ondine Sauveterre{word}", email = $"ondine.{word}@example.fr", language = "fr" },
            channel = "email", subject = $"Valise{word} égarée", body = $"Bonjour, ma valise{word} n'est pas arrivée à Nantes.",
        });
        response.EnsureSuccessStatusCode();
        return (long.Parse(c.Str("id"), System.Globalization.CultureInfo.InvariantCulture), c.Str("reference"));
    }

    private static async Task<List<long>> MatchAsync(GuichetDb db, string table, string word) =>
#pragma warning disable EF1002 // table is one of this class's three FTS5 table names; the word is a parameter.
        await db.Database.SqlQueryRaw<long>($"SELECT rowid AS Value FROM {table} WHERE {table} MATCH {{0}}", $"\"{word}\"").ToListAsync(TestContext.Current.CancellationToken);
#pragma warning restore EF1002

    private async Task<T> WithDbAsync<T>(Func<GuichetDb, Task<T>> read)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<GuichetDb>());
    }

    private Task CatchUpAsync() => WithDbAsync(async db =>
    {
        while (!await SearchBacklog.CatchUpAsync(db, SearchBacklog.Batch, TestContext.Current.CancellationToken))
        {
        }
        return true;
    });

    [Fact]
    public async Task What_is_written_waits_for_the_pass_and_the_index_then_follows_changes_exactly()
    {
        var ct = TestContext.Current.CancellationToken;
        await CatchUpAsync();
        var word = Guid.NewGuid().ToString("N")[..8];
        var (caseId, _) = await OpenAsync(word);

        // Stored and committed, not yet in the index: the write did not tokenise it.
        Assert.True(await WithDbAsync(db => SearchBacklog.IsBehindAsync(db, ct)));
        Assert.Empty(await WithDbAsync(db => MatchAsync(db, "CaseSearch", $"valise{word}")));
        Assert.Empty(await WithDbAsync(db => MatchAsync(db, "MessageSearch", $"valise{word}")));

        // A changed subject before the pass: the pass adds the row as it is then.
        await WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE Cases SET Subject = {0} WHERE Id = {1}", [$"Sac{word} égaré", caseId], ct));
        await CatchUpAsync();
        Assert.False(await WithDbAsync(db => SearchBacklog.IsBehindAsync(db, ct)));
        Assert.Equal([caseId], await WithDbAsync(db => MatchAsync(db, "CaseSearch", $"sac{word}")));
        Assert.Empty(await WithDbAsync(db => MatchAsync(db, "CaseSearch", $"valise{word}")));
        Assert.Single(await WithDbAsync(db => MatchAsync(db, "MessageSearch", $"valise{word}")));
        Assert.Single(await WithDbAsync(db => MatchAsync(db, "CustomerSearch", $"sauveterre{word}")));

        // Under the mark, the triggers keep it: a change and a deletion.
        await WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE Cases SET Subject = {0} WHERE Id = {1}", [$"Malle{word} perdue", caseId], ct));
        Assert.Equal([caseId], await WithDbAsync(db => MatchAsync(db, "CaseSearch", $"malle{word}")));
        Assert.Empty(await WithDbAsync(db => MatchAsync(db, "CaseSearch", $"sac{word}")));
        await WithDbAsync(db =>
        {
            db.Customers.Add(new Core.Customers.Customer { Name = $"Passant{word}" });
            return db.SaveChangesAsync(ct);
        });
        await CatchUpAsync();
        Assert.Single(await WithDbAsync(db => MatchAsync(db, "CustomerSearch", $"passant{word}")));
        await WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM Customers WHERE Name = {0}", [$"Passant{word}"], ct));
        Assert.Empty(await WithDbAsync(db => MatchAsync(db, "CustomerSearch", $"passant{word}")));

        // Index and rows agree, token for token (FTS5 compares them when the rank is 1).
        foreach (var table in (string[])["CaseSearch", "CustomerSearch"])
        {
#pragma warning disable EF1002 // one of two constant table names
            await WithDbAsync(db => db.Database.ExecuteSqlRawAsync($"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)", ct));
#pragma warning restore EF1002
        }
    }

    [Fact]
    public async Task A_pass_takes_a_batch_and_says_whether_more_waits()
    {
        var ct = TestContext.Current.CancellationToken;
        await CatchUpAsync();
        var words = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid().ToString("N")[..8]).ToList();
        foreach (var word in words)
        {
            await OpenAsync(word);
        }
        // Two of the three cases, and more waits.
        Assert.False(await WithDbAsync(db => SearchBacklog.CatchUpAsync(db, 2, ct)));
        var found = 0;
        foreach (var word in words)
        {
            found += (await WithDbAsync(db => MatchAsync(db, "CaseSearch", $"valise{word}"))).Count;
        }
        Assert.Equal(2, found);
        Assert.True(await WithDbAsync(db => SearchBacklog.CatchUpAsync(db, SearchBacklog.Batch, ct)));
        foreach (var word in words)
        {
            Assert.Single(await WithDbAsync(db => MatchAsync(db, "CaseSearch", $"valise{word}")));
        }
    }

    [Fact]
    public async Task A_search_finds_what_was_written_the_moment_before()
    {
        var word = Guid.NewGuid().ToString("N")[..8];
        var (_, reference) = await OpenAsync(word);
        foreach (var q in new[] { $"valise{word}", $"sauveterre{word}" })
        {
            var (response, found) = await server.Api.GetJsonAsync($"/api/search?q={Uri.EscapeDataString(q)}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(reference, found["cases"]!.AsArray().Select(c => c!.Str("reference")));
        }
        Assert.False(await WithDbAsync(db => SearchBacklog.IsBehindAsync(db, TestContext.Current.CancellationToken)));
    }
}
