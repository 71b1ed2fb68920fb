using System.Net;
using Guichet.Core.Cases;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Knowledge;

/// <summary>Who is searching: agents see drafts too; a suggestion is only published; customers see public, published articles.</summary>
public enum ArticleScope
{
    Agents,
    Published,
    Customers,
}

public sealed record ArticleHit(long Id, string Title, string Language, ArticleStatus Status, bool IsPublic, IReadOnlyList<string> Tags, string Snippet, double Score)
{
    /// <summary>An article in a plain list (no query): no snippet, no score.</summary>
    public static ArticleHit Listed(Article a) => new(a.Id, a.Title, a.Language, a.Status, a.IsPublic, a.TagList, "", 0);
}

public sealed record MessageHit(long MessageId, long CaseId, string Reference, string Subject, DateTimeOffset At, string Snippet);

/// <summary>
/// Full-text search of the knowledge base and of what people wrote on cases (SPEC K1, K2), with
/// ranking and highlighted snippets (HTML-safe: the text is encoded, matches are in &lt;mark&gt;).
/// SQLite: FTS5 with bm25, the title weighing most; PostgreSQL: tsvector in the article's language
/// with ts_rank and ts_headline (decision 0016). The search finds ids, scores and snippets; the rows
/// are then read through the model.
/// </summary>
public sealed class Search(GuichetDb db)
{
    /// <summary>On SQLite, relevance is ranked among this many newest matches (decision 0016).</summary>
    public const int MessageWindow = 2_000;
    /// <summary>
    /// The search box answers as one types: it ranks among fewer, the newest, and matches what was
    /// written by whole words: a prefix makes FTS5 gather every matching document of the whole
    /// index before ranking, 90 ms at a million messages (issue 25, docs/benchmarks.md). Subjects
    /// and names still match the word being typed as a prefix (<see cref="Cases.Finding.FindCases"/>).
    /// </summary>
    public const int SearchBoxWindow = 200;
    public const int ArticleWindow = 4_000;

    private const char Open = '\u0002';
    private const char Close = '\u0003';

    public Task<IReadOnlyList<ArticleHit>> ArticlesAsync(string? query, ArticleScope scope, string? language, int limit, CancellationToken ct = default)
    {
        var words = SearchTerms.Words(query);
        return words.Count == 0 ? Task.FromResult<IReadOnlyList<ArticleHit>>([]) : ArticlesAsync(words, any: false, scope, language, limit, ct);
    }

    /// <summary>Published articles for a case, from its subject and what the customer wrote (any of its significant words).</summary>
    public async Task<IReadOnlyList<ArticleHit>> SuggestAsync(long caseId, int limit, CancellationToken ct = default)
    {
        var subject = await db.Cases.Where(c => c.Id == caseId).Select(c => c.Subject).FirstOrDefaultAsync(ct);
        if (subject is null)
        {
            return [];
        }
        var written = await db.Messages.Where(m => m.CaseId == caseId && m.Direction == MessageDirection.In && m.Kind != MessageKind.SideIn)
            .OrderBy(m => m.Id).Select(m => m.Body).Take(3).ToListAsync(ct);
        var words = SearchTerms.Significant(subject + " " + subject + " " + string.Join(" ", written));
        return words.Count == 0 ? [] : await ArticlesAsync(words, any: true, ArticleScope.Published, null, limit, ct);
    }

    /// <summary>Messages matching the query, only on cases <paramref name="viewer"/> sees (issue 10).</summary>
    public Task<IReadOnlyList<MessageHit>> MessagesAsync(string? query, int limit, Agents.Agent? viewer, CancellationToken ct = default) =>
        MessagesAsync(query, limit, viewer, MessageWindow, ct);

    /// <summary>Messages matching the query, ranked among the newest <paramref name="window"/> matches (decision 0016), on either database.</summary>
    public async Task<IReadOnlyList<MessageHit>> MessagesAsync(string? query, int limit, Agents.Agent? viewer, int window, CancellationToken ct)
    {
        // Hits on cases the viewer does not see are dropped after ranking; reading more keeps the page full.
        var wanted = limit;
        limit = viewer is { SeesEveryTeam: true } ? limit : limit * 4;
        var words = SearchTerms.Words(query);
        if (words.Count == 0)
        {
            return [];
        }
        var found = db.Database.IsNpgsql()
            ? await PostgresMessagesAsync(string.Join(" ", words), limit, window, ct)
            : await SqliteMessagesAsync(window == SearchBoxWindow ? SearchTerms.Fts5Words(words) : SearchTerms.Fts5All(words), limit, window, ct);
        var ids = found.Select(f => f.Id).ToList();
        var visible = db.Cases.VisibleTo(viewer);
        var rows = await db.Messages.AsNoTracking().Where(m => ids.Contains(m.Id) && visible.Any(c => c.Id == m.CaseId))
            .Select(m => new { m.Id, m.CaseId, m.CreatedAt, Reference = db.Cases.Where(c => c.Id == m.CaseId).Select(c => c.Reference).First(), Subject = db.Cases.Where(c => c.Id == m.CaseId).Select(c => c.Subject).First() })
            .ToDictionaryAsync(m => m.Id, ct);
        return found.Where(f => rows.ContainsKey(f.Id))
            .Select(f => rows[f.Id] is var m ? new MessageHit(m.Id, m.CaseId, m.Reference, m.Subject, m.CreatedAt, Html(f.Snippet)) : null!)
            .Take(wanted)
            .ToList();
    }

    private async Task<IReadOnlyList<ArticleHit>> ArticlesAsync(IReadOnlyList<string> words, bool any, ArticleScope scope, string? language, int limit, CancellationToken ct)
    {
        var status = scope == ArticleScope.Agents ? null : ArticleStatus.Published.ToString();
        var onlyPublic = scope == ArticleScope.Customers;
        List<Found> found;
        if (db.Database.IsNpgsql())
        {
            // One tsquery per dictionary; each article is matched in its own language.
            var toQuery = any ? "to_tsquery" : "websearch_to_tsquery";
            var text = any ? SearchTerms.TsQueryAny(words) : string.Join(" ", words);
#pragma warning disable EF1002 // toQuery is one of two function names above; every value is a parameter.
            found = await db.Database.SqlQueryRaw<Found>($$"""
                WITH q AS (SELECT {{toQuery}}('french'::regconfig, {0}) AS fr, {{toQuery}}('english'::regconfig, {0}) AS en)
                SELECT found."Id", found."Score",
                       ts_headline(CASE WHEN a."Language" = 'en' THEN 'english'::regconfig ELSE 'french'::regconfig END, a."Body",
                                   CASE WHEN a."Language" = 'en' THEN q.en ELSE q.fr END,
                                   'MaxWords=30, MinWords=10, StartSel=' || chr(2) || ', StopSel=' || chr(3)) AS "Snippet"
                FROM (SELECT a."Id", ts_rank(a."Search", CASE WHEN a."Language" = 'en' THEN q.en ELSE q.fr END)::float8 AS "Score"
                      FROM "Articles" a, q
                      WHERE ((a."Language" = 'en' AND a."Search" @@ q.en) OR (a."Language" <> 'en' AND a."Search" @@ q.fr))
                        AND ({1} = '' OR a."Status" = {1}) AND ({2} = FALSE OR a."IsPublic") AND ({3} = '' OR a."Language" = {3})
                      ORDER BY "Score" DESC, a."Id" LIMIT {4}) AS found
                JOIN "Articles" a ON a."Id" = found."Id", q
                ORDER BY found."Score" DESC, found."Id"
                """, text, status ?? "", onlyPublic, language ?? "", limit).ToListAsync(ct);
#pragma warning restore EF1002
        }
        else
        {
            var match = any ? SearchTerms.Fts5Any(words) : SearchTerms.Fts5All(words);
            var from = await WindowStartAsync("ArticleSearch", match, ArticleWindow, ct);
            found = await db.Database.SqlQueryRaw<Found>("""
                SELECT s.rowid AS Id, bm25(ArticleSearch, 8.0, 1.0, 4.0) AS Score, snippet(ArticleSearch, -1, char(2), char(3), '…', 16) AS Snippet
                FROM ArticleSearch s JOIN Articles a ON a.Id = s.rowid
                WHERE ArticleSearch MATCH {0} AND s.rowid >= {1} AND ({2} = '' OR a.Status = {2}) AND ({3} = 0 OR a.IsPublic = 1) AND ({4} = '' OR a.Language = {4})
                ORDER BY Score, a.Id LIMIT {5}
                """, match, from, status ?? "", onlyPublic ? 1 : 0, language ?? "", limit).ToListAsync(ct);
        }
        var ids = found.Select(f => f.Id).ToList();
        var articles = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        // bm25 is lower for better matches: every score is given as "higher is better".
        return found.Where(f => articles.ContainsKey(f.Id))
            .Select(f => articles[f.Id] is var a ? new ArticleHit(a.Id, a.Title, a.Language, a.Status, a.IsPublic, a.TagList, Html(ArticleHtml.PlainText(f.Snippet)), Math.Abs(f.Score)) : null!)
            .ToList();
    }

    private async Task<List<Found>> PostgresMessagesAsync(string text, int limit, int window, CancellationToken ct)
    {
        var newest = await NewestMatches.IdsAsync(db, "Messages", "websearch_to_tsquery('simple'::regconfig, {0})", text, window, ct);
        return newest.Count == 0 ? [] : await db.Database.SqlQueryRaw<Found>("""
            SELECT m."Id", ts_rank(m."Search", q)::float8 AS "Score",
                   ts_headline('simple'::regconfig, m."Body", q, 'MaxWords=30, MinWords=10, StartSel=' || chr(2) || ', StopSel=' || chr(3)) AS "Snippet"
            FROM (SELECT m."Id", m."Search", m."Body", websearch_to_tsquery('simple'::regconfig, {0}) AS q,
                         ts_rank(m."Search", websearch_to_tsquery('simple'::regconfig, {0})) AS r
                  FROM "Messages" m WHERE m."Id" = ANY({1}) ORDER BY r DESC, m."Id" DESC LIMIT {2}) AS m
            ORDER BY "Score" DESC, m."Id" DESC
            """, text, newest.ToArray(), limit).ToListAsync(ct);
    }

    private async Task<List<Found>> SqliteMessagesAsync(string match, int limit, int window, CancellationToken ct)
    {
        await SearchBacklog.BeforeSearchAsync(db, ct);
        var from = await WindowStartAsync("MessageSearch", match, window, ct);
        if (window == SearchBoxWindow)
        {
            // The search box lists the newest messages first (decision 0035): bm25 would first count every
            // document of the whole index holding each word (25 ms for two frequent words at a million).
            return await db.Database.SqlQueryRaw<Found>("""
                SELECT rowid AS Id, 0.0 AS Score, snippet(MessageSearch, 0, char(2), char(3), '…', 16) AS Snippet
                FROM MessageSearch WHERE MessageSearch MATCH {0} AND rowid >= {1}
                ORDER BY rowid DESC LIMIT {2}
                """, match, from, limit).ToListAsync(ct);
        }
        return await db.Database.SqlQueryRaw<Found>("""
            SELECT rowid AS Id, bm25(MessageSearch) AS Score, snippet(MessageSearch, 0, char(2), char(3), '…', 16) AS Snippet
            FROM MessageSearch WHERE MessageSearch MATCH {0} AND rowid >= {1}
            ORDER BY Score, rowid DESC LIMIT {2}
            """, match, from, limit).ToListAsync(ct);
    }

    /// <summary>
    /// The rowid from which the newest <paramref name="window"/> matches start (0 when there are
    /// fewer): bm25 then ranks those only, so a word found in every document costs the same as
    /// one found in a few thousand (decision 0016). FTS5 walks rowids in order, so this is cheap.
    /// </summary>
    private async Task<long> WindowStartAsync(string table, string match, int window, CancellationToken ct)
    {
#pragma warning disable EF1002 // table is one of the two FTS5 table names in this class; the match is a parameter.
        var start = await db.Database.SqlQueryRaw<long>(
            $"SELECT rowid AS Value FROM {table} WHERE {table} MATCH {{0}} ORDER BY rowid DESC LIMIT 1 OFFSET {{1}}", match, window - 1).ToListAsync(ct);
#pragma warning restore EF1002
        return start.Count == 0 ? 0 : start[0];
    }

    /// <summary>The engine's snippet, encoded, with its match markers turned into &lt;mark&gt;.</summary>
    public static string Html(string snippet) =>
        WebUtility.HtmlEncode(snippet).Replace(Open.ToString(), "<mark>", StringComparison.Ordinal).Replace(Close.ToString(), "</mark>", StringComparison.Ordinal);

    private sealed class Found
    {
        public long Id { get; set; }
        public double Score { get; set; }
        public string Snippet { get; set; } = "";
    }
}
