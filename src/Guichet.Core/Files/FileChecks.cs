using System.Security.Cryptography;
using Guichet.Core.Email;

namespace Guichet.Core.Files;

/// <summary>
/// What a file must be before anything of it is stored (issue 26): a name without a folder or
/// control characters (nor the invisible ones that reverse "gpj.exe" into "exe.jpg"), some
/// content, a kind read from that content that a service desk exchanges (<see cref="FileKinds"/>),
/// and, with the others of the same message, no more than the team's limit. Each refusal names
/// the file's field (<c>files[0]</c>) and says why.
/// </summary>
public static class FileChecks
{
    /// <summary>The default per message: encoded for mail (base64, a third more) it stays under Postfix's default 10 MB.</summary>
    public const long DefaultLimitBytes = 7_000_000;
    /// <summary>The most a team may allow: what the large mail providers accept in one message.</summary>
    public const long MaxLimitBytes = 25_000_000;
    public const long MinLimitBytes = 10_000;
    public const int MaxFiles = 20;

    public static IReadOnlyList<StoredFile> Check(IReadOnlyList<NewFile> files, long limitBytes, long caseId, long? uploadedBy, DateTimeOffset now, ValidationErrors errors, string field = "files")
    {
        var judged = Judge(files, errors, field);
        var total = files.Sum(f => (long)f.Content.Length);
        if (total > limitBytes)
        {
            errors.Add(field, $"The files come to {Megabytes(total)}, over this team's limit of {Megabytes(limitBytes)} per message.");
        }
        return errors.Any ? [] : [.. judged.Select(j => new StoredFile
        {
            CaseId = caseId,
            FileName = j.File.FileName!,
            ContentType = j.Kind.ContentType,
            Size = j.File.Content.LongLength,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(j.File.Content)),
            Content = j.File.Content,
            CreatedAt = now,
            UploadedById = uploadedBy,
        })];
    }

    /// <summary>
    /// Each file on its own (name, content, kind), without the limit: what a door checks before the
    /// case, and so the team's limit, is known. The accepted ones with their kind.
    /// </summary>
    public static IReadOnlyList<(NewFile File, FileKinds.Kind Kind)> Judge(IReadOnlyList<NewFile> files, ValidationErrors errors, string field = "files")
    {
        if (files.Count > MaxFiles)
        {
            errors.Add(field, $"At most {MaxFiles} files go with one message; {files.Count} were given.");
            return [];
        }
        var accepted = new List<(NewFile, FileKinds.Kind)>();
        for (var i = 0; i < files.Count; i++)
        {
            var (name, content) = files[i];
            var at = $"{field}[{i}]";
            if (NameProblem(name) is { } problem)
            {
                errors.Add(at, problem);
                continue;
            }
            if (content.Length == 0)
            {
                errors.Add(at, $"'{name}' is empty (0 bytes): nothing to send.");
                continue;
            }
            var (verdict, kind) = FileKinds.Of(name!, content);
            if (verdict == FileKinds.Verdict.Forbidden)
            {
                errors.Add(at, $"'{name}' is a program, a script or a web page: such files are not accepted, whatever their name.");
                continue;
            }
            if (kind is null)
            {
                errors.Add(at, $"'{name}' is not a kind of file accepted here (images, PDF, office documents, text, ZIP, video), judged by its content.");
                continue;
            }
            accepted.Add((files[i], kind));
        }
        return accepted;
    }

    /// <summary>Why a name cannot be kept as given, or null when it can.</summary>
    public static string? NameProblem(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "The file has no name.";
        }
        if (name.Length > FileNames.MaxLength)
        {
            return $"The file name is longer than {FileNames.MaxLength} characters.";
        }
        if (name.IndexOfAny(['/', '\\', ':']) >= 0 || name.Trim('.', ' ').Length == 0)
        {
            return $"'{Shown(name)}' names a folder or a path: give the file's own name.";
        }
        if (name.Any(c => char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format))
        {
            return $"'{Shown(name)}' contains control or invisible characters.";
        }
        if (name != name.Trim() || name.EndsWith('.'))
        {
            // Windows drops a final dot or space on saving: "run.js." would open as a script.
            return $"'{Shown(name)}' begins or ends with a space or ends with a dot.";
        }
        return null;
    }

    public static string Megabytes(long bytes) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1_000_000.0:0.#} MB");

    private static string Shown(string name) => new([.. name.Select(c => char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format ? '?' : c)]);
}
