using Guichet.Features.Permissions;
using Guichet.Hosting;
using Guichet.Hosting.Web;
using Guichet.Core;
using Guichet.Core.Cases;
using Guichet.Core.Data;
using Guichet.Core.Knowledge;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Knowledge;

/// <summary>
/// The knowledge base (SPEC K1): articles for agents under /api/knowledge, one search over articles
/// and case messages (/api/search), suggestions beside a case, an article drafted from a case, and
/// the public articles customers can read without signing in (/api/help).
/// </summary>
public static class KnowledgeEndpoints
{
    public const int MaxResults = 50;

    public sealed record ArticleDto(long Id, string Title, string Body, string Html, string Language, string Status, bool IsPublic, IReadOnlyList<string> Tags, long? SourceCaseId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string UpdatedBy)
    {
        public static ArticleDto From(Article a) =>
            new(a.Id, a.Title, a.Body, ArticleHtml.Render(a.Body), a.Language, a.Status.ToWire(), a.IsPublic, a.TagList, a.SourceCaseId, a.CreatedAt, a.UpdatedAt, a.UpdatedBy);
    }

    public sealed record PublicArticleDto(long Id, string Title, string Language, string Html, IReadOnlyList<string> Tags, DateTimeOffset UpdatedAt);

    public sealed record HitDto(long Id, string Title, string Language, string Status, bool IsPublic, IReadOnlyList<string> Tags, string Snippet, double Score)
    {
        public static HitDto From(ArticleHit h) => new(h.Id, h.Title, h.Language, h.Status.ToWire(), h.IsPublic, h.Tags, h.Snippet, h.Score);
    }

    /// <summary>The search box's answer (W3): cases and customers first, then articles and what people wrote.</summary>
    public sealed record SearchDto(IReadOnlyList<HitDto> Articles, IReadOnlyList<MessageHit> Messages, IReadOnlyList<FoundCaseDto>? Cases = null, IReadOnlyList<Core.Cases.Finding.CustomerFound>? Customers = null);

    /// <summary>A case found: status, team, owner, tags, and why it came up (reference, email, phone, tag, subject, customer, message).</summary>
    public sealed record FoundCaseDto(long Id, string Reference, string Subject, string Status, string Team, string? Owner, string Customer, IReadOnlyList<string> Tags, string FoundBy, string? Snippet)
    {
        public static FoundCaseDto From(Core.Cases.Finding.CaseFound c) =>
            new(c.Id, c.Reference, c.Subject, c.Status.ToWire(), c.Team, c.Owner, c.Customer, c.Tags, c.By.ToWire(), c.Snippet);
    }

    public static RouteGroupBuilder MapKnowledge(this RouteGroupBuilder api)
    {
        var kb = api.MapGroup("/knowledge").WithTags("Knowledge");

        kb.MapGet("/articles", async (string? status, string? language, string? tag, GuichetDb db, CancellationToken ct) =>
        {
            var articles = db.Articles.AsNoTracking();
            if (status is not null)
            {
                if (!WireNames.TryParseWire<ArticleStatus>(status, out var wanted))
                {
                    return Problems.From(Failure.Invalid("status", "The status must be \"draft\" or \"published\"."));
                }
                articles = articles.Where(a => a.Status == wanted);
            }
            if (language is not null)
            {
                articles = articles.Where(a => a.Language == language);
            }
            if (tag is not null)
            {
                var t = tag.Trim().ToLowerInvariant();
                articles = articles.Where(a => ("," + a.Tags + ",").Contains("," + t + ","));
            }
            var list = await articles.OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id).Take(200).ToListAsync(ct);
            return Results.Ok(list.Select(ArticleDto.From).ToList());
        })
        .Produces<List<ArticleDto>>()
        .WithSummary("Articles, latest first (status, language and tag filters).");

        kb.MapGet("/articles/{id:long}", async (long id, GuichetDb db, CancellationToken ct) =>
            await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) is { } article
                ? Results.Ok(ArticleDto.From(article))
                : Problems.From(Failure.NotFound("id", $"There is no article {id}.")))
        .Produces<ArticleDto>()
        .WithSummary("One article, its Markdown and its rendered HTML.");

        kb.MapPost("/articles", async (HttpContext http, SaveArticle save) =>
        {
            var (request, problem) = await JsonBody.ReadAsync<ArticleRequest>(http);
            if (problem is not null)
            {
                return problem;
            }
            var result = await save.RunAsync(null, request!, http.User.Identity?.Name ?? "api", http.RequestAborted);
            return result.Succeeded ? Results.Created($"/api/knowledge/articles/{result.Value.Id}", ArticleDto.From(result.Value)) : Problems.From(result.Failure!);
        })
        .Accepts<ArticleRequest>("application/json")
        .Produces<ArticleDto>(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        .WithSummary("Write an article: {title, body (Markdown), language, status: draft|published, isPublic, tags[]}.");

        kb.MapPut("/articles/{id:long}", async (long id, HttpContext http, SaveArticle save) =>
        {
            var (request, problem) = await JsonBody.ReadAsync<ArticleRequest>(http);
            if (problem is not null)
            {
                return problem;
            }
            var result = await save.RunAsync(id, request!, http.User.Identity?.Name ?? "api", http.RequestAborted);
            return result.Succeeded ? Results.Ok(ArticleDto.From(result.Value)) : Problems.From(result.Failure!);
        })
        .Accepts<ArticleRequest>("application/json")
        .Produces<ArticleDto>()
        .ProducesValidationProblem()
        .WithSummary("Rewrite an article; status and isPublic publish it or take it back.");

        api.MapGet("/search", async (string? q, string? language, int? limit, Search search, Core.Cases.Finding.FindCases find, HttpContext http, GuichetDb db, CancellationToken ct) =>
        {
            var n = Math.Clamp(limit ?? 10, 1, MaxResults);
            var me = await http.CurrentAgentAsync(db);
            var zone = me is null ? "Europe/Paris" : await db.Teams.Where(t => t.Id == me.TeamId).Select(t => t.TimeZone).FirstAsync(ct);
            var found = await find.RunAsync(q, me, zone, n, ct);
            var articles = await search.ArticlesAsync(q, ArticleScope.Agents, language, n, ct);
            // Searched once: the cases found by what was written on them are these messages' cases.
            var messages = found.Messages ?? await search.MessagesAsync(q, n, me, Search.SearchBoxWindow, ct);
            return Results.Ok(new SearchDto(articles.Select(HitDto.From).ToList(), messages, found.Cases.Select(FoundCaseDto.From).ToList(), found.Customers));
        })
        .WithTags("Knowledge")
        .Produces<SearchDto>()
        .WithSummary("The search box (W3): cases by reference, customer email or phone (any format), tag (#tag), subject, customer name or what was written on them, only those the caller sees, best first; customers; articles; messages with snippets (HTML-safe, matches in <mark>).");

        api.MapGet("/cases/{id:long}/suggestions", async (long id, Search search, CancellationToken ct) =>
            Results.Ok((await search.SuggestAsync(id, 5, ct)).Select(HitDto.From).ToList()))
        .WithTags("Knowledge")
        .Produces<List<HitDto>>()
        .WithSummary("Published articles that answer this case, from its subject and what the customer wrote.");

        api.MapPost("/cases/{id:long}/article", async (long id, HttpContext http, SaveArticle save) =>
        {
            var result = await save.FromCaseAsync(id, http.User.Identity?.Name ?? "api", http.RequestAborted);
            return result.Succeeded ? Results.Created($"/api/knowledge/articles/{result.Value.Id}", ArticleDto.From(result.Value)) : Problems.From(result.Failure!);
        })
        .WithTags("Knowledge")
        .Produces<ArticleDto>(StatusCodes.Status201Created)
        .WithSummary("Draft an article from this case: the customer's question and the answer given, names left out, to edit before publishing.")
            .TakesNoBody();
        return api;
    }

    /// <summary>The public help: published, public articles, for anyone (the portal's /aide pages use the same search).</summary>
    public static void MapHelp(this WebApplication app)
    {
        var help = app.MapGroup("/api/help").AllowAnonymous().WithTags("Help");
        help.MapGet("/articles", async (string? q, string? language, Search search, GuichetDb db, CancellationToken ct) =>
        {
            if (!string.IsNullOrWhiteSpace(q))
            {
                return Results.Ok((await search.ArticlesAsync(q, ArticleScope.Customers, language, 20, ct)).Select(HitDto.From).ToList());
            }
            var list = await db.Articles.AsNoTracking().VisibleToCustomers().Where(a => language == null || a.Language == language)
                .OrderBy(a => a.Title).Take(200).ToListAsync(ct);
            return Results.Ok(list.Select(a => HitDto.From(ArticleHit.Listed(a))).ToList());
        })
        .Produces<List<HitDto>>()
        .WithSummary("Public articles, or those matching q, for customers.");
        help.MapGet("/articles/{id:long}", async (long id, GuichetDb db, CancellationToken ct) =>
            await db.Articles.AsNoTracking().VisibleToCustomers().FirstOrDefaultAsync(a => a.Id == id, ct) is { } a
                ? Results.Ok(new PublicArticleDto(a.Id, a.Title, a.Language, ArticleHtml.Render(a.Body), a.TagList, a.UpdatedAt))
                : Problems.From(Failure.NotFound("id", $"There is no public article {id}.")))
        .Produces<PublicArticleDto>()
        .WithSummary("One public article, rendered.");
    }
}
