using Guichet.Core.Data;
using Guichet.Core.Knowledge;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Customers;

/// <summary>
/// Customers by the words of their name, newest first, through the search index (FTS5 on SQLite,
/// the generated tsvector on PostgreSQL): a LIKE on every name reads the whole table, a second at
/// ten million customers (issue 29). Every word whole but the last, which may be a beginning.
/// </summary>
public static class CustomerNames
{
    public static Task<List<long>> MatchingAsync(GuichetDb db, IReadOnlyList<string> words, int limit, CancellationToken ct) => db.Database.IsNpgsql()
        ? NewestMatches.IdsAsync(db, "Customers", "to_tsquery('simple'::regconfig, {0})", SearchTerms.TsQueryAllPrefix(words), limit, ct)
        : db.Database.SqlQueryRaw<long>("SELECT rowid AS Value FROM CustomerSearch WHERE CustomerSearch MATCH {0} ORDER BY rowid DESC LIMIT {1}", SearchTerms.Fts5All(words), limit).ToListAsync(ct);
}
