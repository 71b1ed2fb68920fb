using Guichet.Core.Cases;
using Guichet.Core.Data;
using Guichet.Core.Knowledge;
using Guichet.Core.Surveys;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Imports;

/// <summary>What comes after the cases: their satisfaction ratings, the merges between them, and the help-center articles.</summary>
internal sealed class ImportExtras(GuichetDb db, ImportKeys keys, ImportReport report, TimeProvider clock)
{
    public async Task RatingsAsync(IReadOnlyList<ImportedRating> ratings, CancellationToken ct)
    {
        foreach (var rating in ratings)
        {
            if (await db.ImportedKeys.AnyAsync(k => k.Source == report.Source && k.Kind == "rating" && k.ExternalId == rating.ExternalId, ct))
            {
                report.Count(report.Unchanged, "rating");
                continue;
            }
            if (await keys.CaseAsync(rating.CaseExternalId, ct) is not { } caseId)
            {
                report.Refuse("rating", rating.ExternalId, $"Its ticket {rating.CaseExternalId} is not imported.");
                continue;
            }
            report.Count(report.Created, "rating");
            if (keys.DryRun)
            {
                continue;
            }
            // One survey per case: a case that already has one keeps it.
            if (await db.Surveys.AnyAsync(s => s.CaseId == caseId, ct))
            {
                report.Refuse("rating", rating.ExternalId, "The case already has a survey answer.");
                continue;
            }
            var survey = Survey.Imported(caseId, rating.Csat, rating.Comment, rating.At);
            db.Surveys.Add(survey);
            await db.SaveChangesAsync(ct);
            keys.Add("rating", rating.ExternalId, survey.Id);
            await db.SaveChangesAsync(ct);
        }
        db.ChangeTracker.Clear();
    }

    public async Task ArticlesAsync(IReadOnlyList<ImportedArticle> articles, CancellationToken ct)
    {
        foreach (var a in articles)
        {
            var known = await db.ImportedKeys.FirstOrDefaultAsync(k => k.Source == report.Source && k.Kind == "article" && k.ExternalId == a.ExternalId, ct);
            var version = a.UpdatedAt.UtcDateTime.ToString("O");
            if (known?.Version == version)
            {
                report.Count(report.Unchanged, "article");
                continue;
            }
            report.Count(known is null ? report.Created : report.Updated, "article");
            if (keys.DryRun)
            {
                continue;
            }
            var article = known is null ? null : await db.Articles.FirstOrDefaultAsync(x => x.Id == known.LocalId, ct);
            if (article is null)
            {
                // The help center's HTML is kept as it is: Markdown carries HTML, and the page sanitises it.
                article = new Article { Title = a.Title, Body = a.Html, Language = a.Language, CreatedAt = a.CreatedAt };
                db.Articles.Add(article);
            }
            article.Title = ImportDirectory.Clip(a.Title, 300);
            article.Body = a.Html;
            article.Language = a.Language;
            article.Status = a.Published ? ArticleStatus.Published : ArticleStatus.Draft;
            article.IsPublic = a.Public;
            article.Tags = Article.NormaliseTags(a.Tags);
            article.UpdatedAt = a.UpdatedAt;
            article.UpdatedBy = $"Import {report.Source}";
            await db.SaveChangesAsync(ct);
            if (known is null)
            {
                keys.Add("article", a.ExternalId, article.Id, version);
            }
            else
            {
                known.Version = version;
            }
            await db.SaveChangesAsync(ct);
        }
        db.ChangeTracker.Clear();
    }

    /// <summary>A ticket merged into another is closed here, its timeline pointing to the case it went into.</summary>
    public async Task MergesAsync(IReadOnlyList<(long CaseId, string Reference, string Target)> merges, CancellationToken ct)
    {
        foreach (var (caseId, reference, target) in merges)
        {
            var into = await keys.CaseAsync(target, ct) is { } id ? await db.Cases.Where(c => c.Id == id).Select(c => c.Reference).FirstOrDefaultAsync(ct) : null;
            if (into is null)
            {
                report.Refuse("merge", target, $"{reference} was merged into ticket {target}, which is not imported.");
                continue;
            }
            db.CaseEvents.Add(CaseEvent.Create(CaseEventKind.CaseMerged, clock.GetUtcNow(), null, reference, into, $"merged into {into}").On(caseId));
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
