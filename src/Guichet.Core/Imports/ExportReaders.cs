namespace Guichet.Core.Imports;

/// <summary>The tools Guichet imports from, by the name the command line and the API use.</summary>
public static class ExportReaders
{
    public static readonly IReadOnlyList<string> Sources = ["zendesk", "zammad", "freshdesk", "cases"];

    /// <summary>The reader of that tool's export at <paramref name="path"/>, or null for a tool Guichet does not know.</summary>
    public static ExportReader? Open(string source, string path) => source switch
    {
        "zendesk" => new Zendesk.ZendeskExport(path),
        "zammad" => new Zammad.ZammadExport(path),
        "freshdesk" => new Freshdesk.FreshdeskExport(path),
        "cases" => new Csv.CsvCases(path),
        _ => null,
    };
}
