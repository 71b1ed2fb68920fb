using Guichet.Core.Imports;
using Guichet.Core.Imports.Freshdesk;

namespace Guichet.Core.Tests.Imports;

/// <summary>The Freshdesk sample export, read once for every test that only looks at it.</summary>
internal static class FreshdeskSample
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "Imports", "Samples", "freshdesk");

    private static readonly Lazy<Task<List<ImportRecord>>> Records = new(() => ReadAsync(new FreshdeskExport(Folder), CancellationToken.None));

    public static Task<List<ImportRecord>> AllAsync() => Records.Value;

    public static async Task<ImportedCase> CaseAsync(string id) => (await AllAsync()).OfType<ImportedCase>().Single(c => c.ExternalId == id);

    public static async Task<ImportedPerson> PersonAsync(string id) => (await AllAsync()).OfType<ImportedPerson>().Single(p => p.ExternalId == id);

    public static async Task<List<ImportRecord>> ReadAsync(ExportReader reader, CancellationToken ct)
    {
        var records = new List<ImportRecord>();
        await foreach (var record in reader.ReadAsync(ct))
        {
            records.Add(record);
        }
        return records;
    }
}
