using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Knowledge;

/// <summary>
/// The newest rows of a table whose <c>Search</c> tsvector matches a query, on PostgreSQL. Asked
/// as one "ORDER BY Id DESC LIMIT n", PostgreSQL walks the key backwards testing each row, which
/// is instant for a frequent word and reads the whole table for a rare one (660 ms at a million
/// messages for a phone number); asked through the text index alone, the opposite. So: first the
/// newest <see cref="Recent"/> rows only, where either plan is small; when they hold fewer than
/// wanted, the word is rare and the text index alone gives every match cheaply.
/// </summary>
internal static class NewestMatches
{
    private const int Recent = 20_000;

    /// <param name="table">One of this assembly's table names (never user input).</param>
    /// <param name="tsquery">The query's SQL, naming the text as {0}: "websearch_to_tsquery('simple'::regconfig, {0})".</param>
    /// <param name="recent">How many of the newest rows are tried first (smaller in tests, to reach the second step).</param>
    public static async Task<List<long>> IdsAsync(GuichetDb db, string table, string tsquery, string text, int limit, CancellationToken ct, int recent = Recent)
    {
#pragma warning disable EF1002 // table and tsquery are this assembly's constants; the text and numbers are parameters.
        var newest = await db.Database.SqlQueryRaw<long>($"""SELECT COALESCE(MAX("Id"), 0) AS "Value" FROM "{table}" """).SingleAsync(ct);
        var found = await db.Database.SqlQueryRaw<long>(
            $$"""SELECT "Id" AS "Value" FROM "{{table}}" WHERE "Search" @@ {{tsquery}} AND "Id" > {1} ORDER BY "Id" DESC LIMIT {2}""",
            text, newest - recent, limit).ToListAsync(ct);
        if (found.Count >= limit || newest <= recent)
        {
            return found;
        }
        return await db.Database.SqlQueryRaw<long>(
            $$"""WITH m AS MATERIALIZED (SELECT "Id" FROM "{{table}}" WHERE "Search" @@ {{tsquery}}) SELECT "Id" AS "Value" FROM m ORDER BY "Id" DESC LIMIT {1}""",
            text, limit).ToListAsync(ct);
#pragma warning restore EF1002
    }
}
