using System.IO.Compression;
using Guichet.Core;
using Guichet.Core.Data;
using Guichet.Core.Imports;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Imports;

/// <summary>
/// An export received (the API's body, the page's file) becomes a queued run: checked, unpacked into
/// the run's folder on this node, handed to the <see cref="ImportRunner"/>. Nothing is kept of a refused one.
/// </summary>
public sealed class StartImport(GuichetDb db, ServeOptions options, ImportRunner runner, TimeProvider clock)
{
    /// <summary>The largest export the API and the page take; beyond it, `guichet import` reads it from the disk.</summary>
    public const long MaxUploadBytes = 2L * 1024 * 1024 * 1024;
    private const long MaxUnzippedBytes = 20L * 1024 * 1024 * 1024;
    private const int MaxEntries = 2_000_000;

    public sealed record Request(string? Source, bool DryRun, bool PromiseOpen, string? Team);

    /// <param name="fileField">How the caller names the file in a refusal: "body" for the API, "file" for the page.</param>
    public async Task<Result<ImportRun>> RunAsync(Request request, Stream zip, long? by, string fileField, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (request.Source is null || !ExportReaders.Sources.Contains(request.Source))
        {
            errors.Add("source", $"Which tool the export comes from: {string.Join(", ", ExportReaders.Sources)}.");
        }
        if (request.Team is not null && !await db.Teams.AnyAsync(t => t.Slug == request.Team, ct))
        {
            errors.Add("team", $"There is no team '{request.Team}'.");
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        // Unpacked first, in a folder of its own: a refused or abandoned upload leaves neither a run nor files.
        var unpacked = Path.Combine(Path.GetFullPath(options.DataDir), "imports", "upload-" + Guid.NewGuid().ToString("N"));
        try
        {
            if (await UnzipAsync(zip, unpacked, ct) is { } problem)
            {
                return Failure.Invalid(fileField, problem);
            }
            var now = clock.GetUtcNow();
            var run = new ImportRun { Source = request.Source!, Path = ".", DryRun = request.DryRun, PromiseOpen = request.PromiseOpen, Team = request.Team, CreatedAt = now, HeardAt = now, ById = by };
            db.ImportRuns.Add(run);
            await db.SaveChangesAsync(ct);
            var folder = ImportRunner.Folder(options, run.Id);
            if (Directory.Exists(folder))
            {
                // Left by an earlier database with the same run number (a restore): not this run's.
                Directory.Delete(folder, recursive: true);
            }
            Directory.Move(unpacked, folder);
            runner.Enqueue(run.Id);
            return run;
        }
        finally
        {
            if (Directory.Exists(unpacked))
            {
                Directory.Delete(unpacked, recursive: true);
            }
        }
    }

    /// <summary>The zip into the run's folder; its entries stay inside it (.NET refuses a path that climbs out) and a zip bomb is stopped.</summary>
    private static async Task<string?> UnzipAsync(Stream body, string folder, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var zip = Path.Combine(folder, "..", Path.GetFileName(folder) + ".zip");
        try
        {
            await using (var file = File.Create(zip))
            {
                await body.CopyToAsync(file, ct);
            }
            if (new FileInfo(zip).Length == 0)
            {
                return "Send the export's folder as a zip (Content-Type: application/zip).";
            }
            using var archive = ZipFile.OpenRead(zip);
            if (archive.Entries.Count > MaxEntries)
            {
                return $"The zip holds more than {MaxEntries:N0} files: import it from the server's disk with `guichet import`.";
            }
            if (archive.Entries.Sum(e => e.Length) > MaxUnzippedBytes)
            {
                return $"The zip holds more than {MaxUnzippedBytes / (1024 * 1024 * 1024)} GB: import it from the server's disk with `guichet import`.";
            }
            archive.ExtractToDirectory(folder);
            // A zip of the folder itself (export/tickets.json): the export is that one folder.
            var inside = Directory.GetFileSystemEntries(folder);
            if (inside.Length == 1 && Directory.Exists(inside[0]))
            {
                foreach (var entry in Directory.GetFileSystemEntries(inside[0]))
                {
                    Directory.Move(entry, Path.Combine(folder, Path.GetFileName(entry)));
                }
            }
            return null;
        }
        catch (InvalidDataException e)
        {
            return $"This is not a zip file: {e.Message}";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return $"The zip could not be unpacked: {e.Message}";
        }
        finally
        {
            File.Delete(zip);
        }
    }
}
