using Guichet.Core.Cases;
using Guichet.Core.Customers;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Knowledge;

/// <summary>An article as written in the API or the editor; tags as a list, status "draft" or "published".</summary>
public sealed record ArticleRequest(string? Title, string? Body, string? Language, string? Status = null, bool? IsPublic = null, IReadOnlyList<string>? Tags = null);

/// <summary>Writes an article (new, or an existing one by id), every refusal naming its field.</summary>
public sealed class SaveArticle(GuichetDb db, TimeProvider clock)
{
    public async Task<Result<Article>> RunAsync(long? id, ArticleRequest request, string by, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(request.Title))
        {
            errors.Add("title", "The article needs a title.");
        }
        else if (request.Title.Length > Article.MaxTitleLength)
        {
            errors.Add("title", $"The title is longer than {Article.MaxTitleLength} characters.");
        }
        if (string.IsNullOrWhiteSpace(request.Body))
        {
            errors.Add("body", "The article is empty.");
        }
        else if (request.Body.Length > Article.MaxBodyLength)
        {
            errors.Add("body", $"The article is longer than {Article.MaxBodyLength} characters.");
        }
        if (request.Language is null || !CustomerLanguage.IsSupported(request.Language))
        {
            errors.Add("language", "The language must be \"fr\" or \"en\".");
        }
        var status = ArticleStatus.Draft;
        if (request.Status is not null && !WireNames.TryParseWire(request.Status, out status))
        {
            errors.Add("status", "The status must be \"draft\" or \"published\".");
        }
        if (errors.Any)
        {
            return errors;
        }
        var now = clock.GetUtcNow();
        Article? article;
        if (id is { } existing)
        {
            article = await db.Articles.FirstOrDefaultAsync(a => a.Id == existing, ct);
            if (article is null)
            {
                return Failure.NotFound("id", $"There is no article {existing}.");
            }
            article.Title = request.Title!.Trim();
            article.Body = request.Body!;
            article.Language = request.Language!;
        }
        else
        {
            article = new Article { Title = request.Title!.Trim(), Body = request.Body!, Language = request.Language!, CreatedAt = now };
            db.Articles.Add(article);
        }
        if (request.Status is not null)
        {
            article.Status = status;
        }
        article.IsPublic = request.IsPublic ?? article.IsPublic;
        if (request.Tags is not null)
        {
            article.Tags = Article.NormaliseTags(request.Tags);
        }
        article.UpdatedAt = now;
        article.UpdatedBy = by;
        await db.SaveChangesAsync(ct);
        return article;
    }

    /// <summary>
    /// "Make an article from this case" (SPEC K1: recurring problems become articles): a draft in the
    /// customer's language with the question as the customer put it and the answer the agent gave,
    /// for an editor to turn into a general answer before publishing. Names stay out of it.
    /// </summary>
    public async Task<Result<Article>> FromCaseAsync(long caseId, string by, CancellationToken ct = default)
    {
        var @case = await db.Cases.AsNoTracking().Include(c => c.Customer).FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (@case is null)
        {
            return CaseQueries.CaseNotFound(caseId);
        }
        var messages = await db.Messages.AsNoTracking().Where(m => m.CaseId == caseId && !m.IsAutomatic).Where(Message.WithCustomer)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Select(m => new { m.Direction, m.Body }).ToListAsync(ct);
        var question = messages.FirstOrDefault(m => m.Direction == MessageDirection.In)?.Body ?? @case.Subject;
        var answer = messages.LastOrDefault(m => m.Direction == MessageDirection.Out)?.Body;
        var english = @case.Customer.Language == "en";
        var body = string.Join("\n\n",
            english ? "## The question" : "## La question",
            Quote(Anonymise(question, @case.Customer.Name)),
            english ? "## The answer" : "## La réponse",
            answer is null ? (english ? "_To write._" : "_À rédiger._") : Anonymise(answer, @case.Customer.Name));
        var now = clock.GetUtcNow();
        var article = new Article
        {
            Title = @case.Subject,
            Body = body,
            Language = english ? "en" : "fr",
            SourceCaseId = caseId,
            CreatedAt = now,
            UpdatedAt = now,
            UpdatedBy = by,
        };
        db.Articles.Add(article);
        await db.SaveChangesAsync(ct);
        return article;
    }

    private static string Quote(string text) => string.Join("\n", text.Split('\n').Select(l => "> " + l.TrimEnd('\r')));

    private static string Anonymise(string text, string name) =>
        name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(p => p.Length > 2)
            .Aggregate(text, (t, part) => t.Replace(part, "…", StringComparison.OrdinalIgnoreCase));
}
