using System.Text.Json;

namespace Guichet.Core.Imports.Zammad;

/// <summary>
/// knowledge_base.json (the assets of knowledge_bases/init plus the answers' contents) as articles:
/// one per answer translation, as Guichet keeps one article per language.
/// </summary>
internal static class ZammadKnowledgeBase
{
    public static IEnumerable<ImportRecord> Articles(JsonElement assets, JsonElement? systemLocales)
    {
        var codes = systemLocales.Elements().Where(l => l.Id("id") is not null && l.Text("locale") is not null)
            .ToDictionary(l => l.Id("id")!, l => l.Text("locale")!);
        var answers = ById(assets, "KnowledgeBaseAnswer");
        var contents = ById(assets, "KnowledgeBaseAnswerTranslationContent");
        var locales = ById(assets, "KnowledgeBaseLocale");
        foreach (var (id, translation) in ById(assets, "KnowledgeBaseAnswerTranslation").OrderBy(t => long.TryParse(t.Key, out var n) ? n : long.MaxValue))
        {
            var answer = Find(answers, translation.Id("answer_id"));
            var content = Find(contents, translation.Id("content_id"));
            var locale = Find(locales, translation.Id("kb_locale_id"));
            var code = locale?.Id("system_locale_id") is { } system ? codes.GetValueOrDefault(system) : null;
            string? missing = answer is null ? "its answer" : content is null ? "its content" : code is null ? "its locale" : null;
            if (missing is not null || translation.Date("created_at") is not { } created)
            {
                yield return new RefusedRecord("article", id, missing is not null ? $"{missing} is not in the export" : "created_at is not a date");
                continue;
            }
            // Zammad's precedence: archived hides an answer, published shows it to all, internal to agents only, else a draft.
            var published = answer!.Value.Get("published_at") is not null && answer.Value.Get("archived_at") is null;
            yield return new ImportedArticle(id, translation.Text("title") ?? "", content!.Value.Text("body") ?? "", ZammadDirectory.Language(code!),
                published, published, answer.Value.Items("tags").Select(t => t.Scalar() ?? t.Text("name")).OfType<string>().ToList(),
                created, translation.Date("updated_at") ?? created);
        }
    }

    private static Dictionary<string, JsonElement> ById(JsonElement assets, string name) =>
        assets.Entries(name).ToDictionary(e => e.Value.Id("id") ?? e.Name, e => e.Value);

    private static JsonElement? Find(Dictionary<string, JsonElement> map, string? id) =>
        id is not null && map.TryGetValue(id, out var found) ? found : null;
}
