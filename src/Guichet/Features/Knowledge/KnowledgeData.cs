using Guichet.Core.Data;
using Guichet.Core.Knowledge;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Knowledge;

/// <summary>
/// The knowledge base as agents read it (a search over articles and the case messages they may
/// see, or the latest articles), and as customers read it on the public help.
/// </summary>
public sealed record KnowledgeData(IReadOnlyList<ArticleHit> Hits, IReadOnlyList<MessageHit> Messages, IReadOnlyList<Article> Latest)
{
    public static async Task<KnowledgeData> ReadAsync(HttpContext http, GuichetDb db, Search search, string? q, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(q))
        {
            return new(await search.ArticlesAsync(q, ArticleScope.Agents, null, 20, ct), await search.MessagesAsync(q, 20, await http.CurrentAgentAsync(db), ct), []);
        }
        return new([], [], await db.Articles.AsNoTracking().OrderByDescending(a => a.UpdatedAt).Take(100).ToListAsync(ct));
    }

    /// <summary>The public help: public articles matching q, or all of them in the reader's language.</summary>
    public static async Task<IReadOnlyList<ArticleHit>> HelpAsync(GuichetDb db, Search search, string? q, string language, CancellationToken ct) =>
        !string.IsNullOrWhiteSpace(q)
            ? await search.ArticlesAsync(q, ArticleScope.Customers, null, 20, ct)
            : (await db.Articles.AsNoTracking().VisibleToCustomers().Where(a => a.Language == language).OrderBy(a => a.Title).Take(100).ToListAsync(ct))
                .Select(ArticleHit.Listed).ToList();

    /// <summary>One article: any for agents, only public published ones for customers.</summary>
    public static Task<Article?> ArticleAsync(GuichetDb db, long id, bool customers, CancellationToken ct) =>
        (customers ? db.Articles.AsNoTracking().VisibleToCustomers() : db.Articles.AsNoTracking()).FirstOrDefaultAsync(a => a.Id == id, ct);
}
