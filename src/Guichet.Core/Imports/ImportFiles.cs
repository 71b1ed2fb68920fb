using Guichet.Core.Cases;
using Guichet.Core.Data;
using Guichet.Core.Files;
using Guichet.Core.Teams;

namespace Guichet.Core.Imports;

/// <summary>
/// A comment's files from the export's folder, judged as any upload is (a program or a web page is
/// refused whatever its name). A file the export lacks, or refused, is reported; the message names it.
/// </summary>
internal static class ImportFiles
{
    /// <summary>The files read and judged, their case set once it has an id.</summary>
    public static List<StoredFile> Read(ImportReport report, string ticket, IReadOnlyList<ImportedFile> files, DateTimeOffset at) => [.. Judged(report, ticket, files, at)];

    private static IEnumerable<StoredFile> Judged(ImportReport report, string ticket, IReadOnlyList<ImportedFile> files, DateTimeOffset at)
    {
        foreach (var file in files)
        {
            var where = $"{ticket}/{file.ExternalId}";
            if (file.LocalPath is null)
            {
                report.Refuse("file", where, $"'{file.FileName}' is not in the export: the message names it, without its bytes.");
                continue;
            }
            if (new FileInfo(file.LocalPath).Length > FileChecks.MaxLimitBytes)
            {
                report.Refuse("file", where, $"'{file.FileName}' is larger than {FileChecks.MaxLimitBytes / 1_000_000} MB.");
                continue;
            }
            var errors = new ValidationErrors();
            var content = File.ReadAllBytes(file.LocalPath);
            var judged = FileChecks.Check([new NewFile(file.FileName, content)], FileChecks.MaxLimitBytes, 0, null, at.ToUniversalTime(), errors);
            if (errors.Any)
            {
                report.Refuse("file", where, string.Join(" ", errors.ToFailure().Errors.SelectMany(e => e.Value)));
                continue;
            }
            foreach (var stored in judged)
            {
                yield return stored;
            }
        }
    }
}
