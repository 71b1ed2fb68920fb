using Guichet.Core.Data;
using Guichet.Core.Files;
using Guichet.Hosting.Web;
using Microsoft.AspNetCore.Http.Features;

namespace Guichet.Features.Cases;

/// <summary>
/// POST /api/cases/{id}/files: files uploaded to a case (multipart/form-data, parts named "file"),
/// then sent with a reply by their ids (<c>files</c> of POST /api/cases/{id}/messages). All are
/// stored or none; each refusal names its part (<c>files[0]</c>).
/// </summary>
public static class FileEndpoints
{
    public sealed record StoredFileDto(long Id, string FileName, string ContentType, long Size, string Sha256)
    {
        public static StoredFileDto From(StoredFile f) => new(f.Id, f.FileName, f.ContentType, f.Size, f.Sha256);
    }

    public static RouteGroupBuilder MapCaseFiles(this RouteGroupBuilder cases)
    {
        cases.MapPost("/{id:long}/files", async (long id, HttpContext http, GuichetDb db, UploadFiles upload) =>
        {
            var (files, problem) = await UploadedFiles.ReadAsync(http);
            if (problem is not null)
            {
                return problem;
            }
            return await CaseEndpoints.AsActor(http, db, actor => upload.RunAsync(id, files!, actor, http.RequestAborted),
                stored => TypedResults.Created($"/api/cases/{id}", stored.Select(StoredFileDto.From).ToArray()));
        })
        .DisableAntiforgery()
        .Accepts<FileUploadForm>("multipart/form-data")
        .Produces<StoredFileDto[]>(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        .WithSummary("Upload files to a case (multipart/form-data, parts named \"file\"), to send with a reply by their ids; judged by content (images, PDF, office documents, text, ZIP, video; never programs, scripts or web pages), within the team's attachmentLimitBytes.");
        return cases;
    }
}

/// <summary>The upload's form as the OpenAPI document describes it: one or more parts named "file".</summary>
public sealed class FileUploadForm
{
    public IFormFile? File { get; set; }
}

/// <summary>Files of a multipart request, read whole; a body that is not multipart or is cut short is a 4xx naming "files".</summary>
public static class UploadedFiles
{
    public static async Task<(IReadOnlyList<NewFile>? Files, IResult? Problem)> ReadAsync(HttpContext http)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = FileChecks.MaxLimitBytes + 1_000_000;
        }
        if (!http.Request.HasFormContentType)
        {
            return (null, Problems.Field(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "files", "Send the files as multipart/form-data, in parts named \"file\"."));
        }
        try
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            return (await ReadAsync(form.Files, http.RequestAborted), null);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            return (null, Problems.Field(e is BadHttpRequestException { StatusCode: 413 } ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest,
                "Invalid request", "files", $"The files could not be read: {e.Message}"));
        }
    }

    /// <summary>The parts as files, their names as the browser sent them (checked later, not cleaned here).</summary>
    public static async Task<IReadOnlyList<NewFile>> ReadAsync(IEnumerable<IFormFile> parts, CancellationToken ct)
    {
        var files = new List<NewFile>();
        // A file input left empty still sends a part, without name or content: not a file.
        foreach (var part in parts.Where(p => p.Length > 0 || !string.IsNullOrEmpty(p.FileName)))
        {
            using var buffer = new MemoryStream();
            await part.CopyToAsync(buffer, ct);
            files.Add(new NewFile(part.FileName, buffer.ToArray()));
        }
        return files;
    }
}
