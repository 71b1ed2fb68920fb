namespace Guichet.Features.Incidents;

/// <summary>An uploaded file kept in a temporary file until it has been read, then deleted.</summary>
public sealed class SpooledUpload : IAsyncDisposable
{
    private SpooledUpload(string path) => Path = path;

    public string Path { get; }

    public static async Task<SpooledUpload> SaveAsync(Stream body, CancellationToken ct)
    {
        var spooled = new SpooledUpload(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"guichet-upload-{Guid.NewGuid():N}.csv"));
        try
        {
            await using var file = new FileStream(spooled.Path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            await body.CopyToAsync(file, ct);
        }
        catch
        {
            await spooled.DisposeAsync();
            throw;
        }
        return spooled;
    }

    public Stream Open() => new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);

    public ValueTask DisposeAsync()
    {
        File.Delete(Path);
        return ValueTask.CompletedTask;
    }
}
