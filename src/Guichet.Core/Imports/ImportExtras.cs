using Guichet.Core.Cases;
using Guichet.Core.Data;
using Guichet.Core.Knowledge;
using Guichet.Core.Surveys;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Imports;

/// <summary>What comes after the cases: their satisfaction ratings, the merges between them, and the help-center articles.</summary>
internal sealed class ImportExtras(GuichetDb db, ImportKeys keys, ImportReport report)
{
    public async Task RatingsAsync(IReadOnlyList<ImportedRating> ratings, CancellationToken ct)
    {
        var ids = ratings.Select(r => ImportedKey.Normalise(r.ExternalId)).ToList();
        var known = (await db.ImportedKeys.AsNoTracking().Where(k => k.Source == report.Source && k.Kind == "rating" && ids.Contains(k.ExternalId))
            .Select(k => k.ExternalId).ToListAsync(ct)).ToHashSet();
        var fresh = ratings.Where(r => !known.Contains(ImportedKey.Normalise(r.ExternalId))).DistinctBy(r => r.ExternalId).ToList();
        // The batch's cases, which of them are still here and which already have a survey: three reads, not three per rating.
        var caseIds = await keys.CasesOfAsync([.. fresh.Select(r => r.CaseExternalId)], ct);
        var local = caseIds.Values.Where(id => id > 0).ToList();
        var live = (await db.Cases.Where(c => local.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        var surveyed = (await db.Surveys.Where(s => local.Contains(s.CaseId)).Select(s => s.CaseId).ToListAsync(ct)).ToHashSet();
        var added = new List<(string Id, Survey Survey)>();
        foreach (var rating in fresh)
        {
            if (!caseIds.TryGetValue(ImportedKey.Normalise(rating.CaseExternalId), out var caseId))
            {
                report.Refuse("rating", rating.ExternalId, $"Its ticket {rating.CaseExternalId} is not imported.");
                continue;
            }
            if (keys.DryRun)
            {
                report.Count(report.Created, "rating");
                continue;
            }
            // One survey per case, on a case that is still here (retention may have deleted it since).
            if (!live.Contains(caseId) || !surveyed.Add(caseId))
            {
                report.Refuse("rating", rating.ExternalId, "Its case is gone or already has a survey answer.");
                continue;
            }
            var survey = Survey.Imported(caseId, rating.Csat, rating.Comment, rating.At.ToUniversalTime());
            db.Surveys.Add(survey);
            added.Add((rating.ExternalId, survey));
            report.Count(report.Created, "rating");
        }
        report.Count(report.Unchanged, "rating", known.Count);
        await db.SaveChangesAsync(ct);
        foreach (var (id, survey) in added)
        {
            keys.Add("rating", id, survey.Id);
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    public async Task ArticlesAsync(IReadOnlyList<ImportedArticle> articles, CancellationToken ct)
    {
        foreach (var a in articles)
        {
            var id = ImportedKey.Normalise(a.ExternalId);
            var known = await db.ImportedKeys.FirstOrDefaultAsync(k => k.Source == report.Source && k.Kind == "article" && k.ExternalId == id, ct);
            var version = a.UpdatedAt.UtcDateTime.ToString("O");
            if (known?.Version == version)
            {
                report.Count(report.Unchanged, "article");
                continue;
            }
            if (a.Html.Length > Article.MaxBodyLength)
            {
                report.Refuse("article", a.ExternalId, $"Its body is longer than {Article.MaxBodyLength:N0} characters.");
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
                article = new Article { Title = a.Title, Body = a.Html, Language = a.Language, CreatedAt = a.CreatedAt.ToUniversalTime() };
                db.Articles.Add(article);
            }
            article.Title = ImportDirectory.Clip(a.Title, Article.MaxTitleLength);
            article.Body = a.Html;
            article.Language = ImportDirectory.Clip(a.Language, 8);
            article.Status = a.Published ? ArticleStatus.Published : ArticleStatus.Draft;
            article.IsPublic = a.Public;
            article.Tags = Article.NormaliseTags(a.Tags);
            article.UpdatedAt = a.UpdatedAt.ToUniversalTime();
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

    /// <summary>
    /// A ticket merged into another is closed here, its timeline pointing to the case it went into. The
    /// merges wait as keys written with their batch (kind "merge", the target in Version) and are linked
    /// once every case is in, then marked linked: a resumed or repeated run links each once.
    /// </summary>
    public async Task MergesAsync(CancellationToken ct)
    {
        if (keys.DryRun)
        {
            return;
        }
        var waiting = await db.ImportedKeys.Where(k => k.Source == report.Source && k.Kind == "merge" && k.Children == null).ToListAsync(ct);
        foreach (var merge in waiting)
        {
            var into = await keys.CaseAsync(merge.Version!, ct) is { } id
                ? await db.Cases.Where(c => c.Id == id).Select(c => c.Reference).FirstOrDefaultAsync(ct) : null;
            var merged = await db.Cases.Where(c => c.Id == merge.LocalId).Select(c => new { c.Reference, c.UpdatedAt }).FirstOrDefaultAsync(ct);
            if (into is null || merged is null)
            {
                report.Refuse("merge", merge.ExternalId, $"Merged into ticket {merge.Version}, which is not imported.");
                continue;
            }
            // Dated when it happened there, not now: it is history.
            db.CaseEvents.Add(CaseEvent.Create(CaseEventKind.CaseMerged, merged.UpdatedAt, null, merged.Reference, into, $"merged into {into}").On(merge.LocalId));
            merge.Children = "linked";
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
