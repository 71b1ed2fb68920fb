using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Guichet.Core.Imports.Freshdesk;

/// <summary>
/// Solution articles: solutions/articles.json in each article's own language, then one
/// articles.&lt;lang&gt;.json per translation, whose items keep the id of the article they translate.
/// </summary>
public sealed partial class FreshdeskExport
{
    private async IAsyncEnumerable<ImportRecord> ArticlesAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var visibility = new Dictionary<long, long>();
        await foreach (var (e, id, refused) in ItemsAsync("solutions/folders.json", "folder", null, ct))
        {
            if (refused is not null)
            {
                yield return refused;
            }
            else if (e.Long("visibility") is { } seenBy)
            {
                visibility[id] = seenBy;
            }
        }
        await foreach (var (e, id, refused) in ItemsAsync("solutions/articles.json", "article", null, ct))
        {
            yield return refused ?? Article(e, id, null, visibility);
        }
        var solutions = Path.Combine(folder, "solutions");
        var translations = Directory.Exists(solutions) ? Directory.GetFiles(solutions, "articles.*.json").Order(StringComparer.Ordinal) : Enumerable.Empty<string>();
        foreach (var file in translations)
        {
            var language = Path.GetFileNameWithoutExtension(file)["articles.".Length..];
            await foreach (var (e, id, refused) in ItemsAsync($"solutions/{Path.GetFileName(file)}", "article", null, ct))
            {
                yield return refused ?? Article(e, id, language, visibility);
            }
        }
    }

    /// <summary>
    /// Status 2 is published, 1 a draft. Published articles are public unless their folder is shown to
    /// agents only (3) or to selected companies (4): Guichet's public pages are every customer's.
    /// A translation is kept apart from its source as "&lt;id&gt;:&lt;language&gt;".
    /// </summary>
    private static ImportRecord Article(JsonElement e, long id, string? translation, Dictionary<long, long> visibility)
    {
        var externalId = translation is null ? FreshdeskJson.Id(id) : $"{FreshdeskJson.Id(id)}:{translation}";
        if (e.Str("title") is not { Length: > 0 } title)
        {
            return new RefusedRecord("article", externalId, "no title");
        }
        if ((e.Date("created_at") ?? e.Date("updated_at")) is not { } createdAt)
        {
            return new RefusedRecord("article", externalId, "no readable created_at");
        }
        var language = translation ?? e.Str("language")
            ?? e.Items("hierarchy").Select(level => level.Prop("data")?.Str("language")).LastOrDefault(l => l is not null) ?? "en";
        var published = e.Long("status") == 2;
        var seenBy = e.Long("folder_id") is { } folderId && visibility.TryGetValue(folderId, out var v) ? v : 1;
        return new ImportedArticle(externalId, title, e.Str("description") ?? "", language, published, published && seenBy is 1 or 2,
            e.Strings("tags"), createdAt, e.Date("updated_at") ?? createdAt);
    }
}
