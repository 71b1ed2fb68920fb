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
    public static void Attach(GuichetDb db, ImportReport report, string ticket, long caseId, Message message, IReadOnlyList<ImportedFile> files, Team team)
    {
        var part = 0;
        foreach (var stored in Read(report, ticket, caseId, files, message.CreatedAt))
        {
            message.Attachments.Add(new Attachment { FileName = stored.FileName, ContentType = stored.ContentType, Size = stored.Size, File = stored, Part = part++ });
        }
    }

    /// <summary>An internal note's files: kept on the case (a note carries no attachment of its own).</summary>
    public static void Keep(GuichetDb db, ImportReport report, string ticket, long caseId, IReadOnlyList<ImportedFile> files, DateTimeOffset at) =>
        db.Files.AddRange(Read(report, ticket, caseId, files, at));

    private static IEnumerable<StoredFile> Read(ImportReport report, string ticket, long caseId, IReadOnlyList<ImportedFile> files, DateTimeOffset at)
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
            var judged = FileChecks.Check([new NewFile(file.FileName, content)], FileChecks.MaxLimitBytes, caseId, null, at, errors);
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
