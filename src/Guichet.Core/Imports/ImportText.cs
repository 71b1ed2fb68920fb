using Guichet.Core.Email;

namespace Guichet.Core.Imports;

/// <summary>A comment's text as an agent reads it: its plain text, or its HTML reduced to text, with the files the export lacks named.</summary>
internal static class ImportText
{
    public static string Body(ImportedComment c)
    {
        var text = !string.IsNullOrWhiteSpace(c.Text) ? c.Text : c.Html is { } html ? MailText.OfHtml(html) : "";
        var missing = c.Files.Where(f => f.LocalPath is null).Select(f => f.FileName).ToList();
        if (missing.Count > 0)
        {
            text += "\n\n" + string.Join('\n', missing.Select(name => $"[Pièce jointe absente de l'export : {name}]"));
        }
        return MailText.Clean(text);
    }
}
