using Microsoft.EntityFrameworkCore;
using Guichet.Core.Knowledge;
using Guichet.Testing;

namespace Guichet.IntegrationTests.Cases;

/// <summary>
/// PostgreSQL's text search for the search box (issue 25): the newest matches, whether the word
/// is frequent among the newest rows (found there) or rare (found through the text index alone).
/// </summary>
public sealed class NewestMatchesOnPostgres(PostgresServer server) : IClassFixture<PostgresServer>
{
    private const string Query = "websearch_to_tsquery('simple'::regconfig, {0})";

    [Fact]
    public async Task A_word_missing_from_the_newest_rows_is_still_found_newest_first()
    {
        server.SkipIfUnavailable();
        var word = "rarissime" + Guid.NewGuid().ToString("N")[..6];
        var common = "frequent" + Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < 6; i++)
        {
            var body = i < 3 ? $"Bonjour, {word} {common} numéro {i}." : $"Bonjour, {common} seulement {i}.";
            (await server.Api.PostJsonAsync("/api/cases", Contacts.French($"newest{i}.{word}@example.fr", body))).Response.EnsureSuccessStatusCode();
        }
        var ct = TestContext.Current.CancellationToken;
        var all = await server.ReadDbAsync(db => db.Messages.Where(m => m.Body.Contains(word)).OrderByDescending(m => m.Id).Select(m => m.Id).ToListAsync(ct));
        Assert.Equal(3, all.Count);

        // The three newest rows hold none of the rare word: the second step finds all three, newest first.
        var rare = await server.ReadDbAsync(db => NewestMatches.IdsAsync(db, "Messages", Query, word, 10, ct, recent: 3));
        Assert.Equal(all, rare);
        Assert.Equal(all.Take(2), await server.ReadDbAsync(db => NewestMatches.IdsAsync(db, "Messages", Query, word, 2, ct, recent: 3)));
        // A word in every one of them: the first step is enough.
        var frequent = await server.ReadDbAsync(db => NewestMatches.IdsAsync(db, "Messages", Query, common, 2, ct, recent: 1_000));
        Assert.Equal(2, frequent.Count);
        Assert.True(frequent[0] > frequent[1]);
    }
}
