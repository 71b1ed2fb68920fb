using MimeKit;

namespace Guichet.Core.Email;

/// <summary>
/// Raw messages from files: one .eml, a folder of them (recursively), or an mbox. Mbox messages
/// are cut between the parser's separator offsets, so each keeps its original bytes.
/// </summary>
public static class MailSources
{
    public static bool IsMbox(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> head = stackalloc byte[5];
        return stream.Read(head) == 5 && head.SequenceEqual("From "u8);
    }

    /// <summary>Each message's bytes, and how far through the source it is (0 to 1).</summary>
    public static async IAsyncEnumerable<(byte[] Raw, double Done)> ReadAsync(string path, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        if (Directory.Exists(path))
        {
            var files = Directory.EnumerateFiles(path, "*.eml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
            for (var i = 0; i < files.Count; i++)
            {
                yield return (await File.ReadAllBytesAsync(files[i], ct), (i + 1) / (double)files.Count);
            }
            yield break;
        }
        if (!IsMbox(path))
        {
            yield return (await File.ReadAllBytesAsync(path, ct), 1);
            yield break;
        }
        var markers = new List<long>();
        await using (var file = File.OpenRead(path))
        {
            var parser = new MimeParser(file, MimeFormat.Mbox);
            var parsedTo = 0L;
            while (!parser.IsEndOfStream)
            {
                try
                {
                    using var message = await parser.ParseMessageAsync(ct);
                }
                catch (FormatException)
                {
                    // A damaged tail (a cut file): what follows the last whole message becomes one
                    // last message, kept by the intake (quarantined if unreadable), never dropped.
                    if (parsedTo < file.Length)
                    {
                        markers.Add(parsedTo);
                    }
                    break;
                }
                markers.Add(parser.MboxMarkerOffset);
                parsedTo = parser.Position;
            }
        }
        await using var reader = File.OpenRead(path);
        for (var i = 0; i < markers.Count; i++)
        {
            var end = i + 1 < markers.Count ? markers[i + 1] : reader.Length;
            var slice = new byte[end - markers[i]];
            reader.Position = markers[i];
            await reader.ReadExactlyAsync(slice, ct);
            // Drop the "From " separator line; the message is what follows it.
            var start = Array.IndexOf(slice, (byte)'\n') + 1;
            yield return (slice[start..], end / (double)reader.Length);
        }
    }
}
