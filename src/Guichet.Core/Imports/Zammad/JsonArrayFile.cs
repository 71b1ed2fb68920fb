using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Guichet.Core.Imports.Zammad;

/// <summary>One element of a JSON array file and where its bytes lie, so it can be read again later without being kept.</summary>
internal readonly record struct JsonItem(JsonElement Value, long Offset, int Length);

/// <summary>
/// A file holding a JSON array — or several back to back, as pages are saved — read one element at
/// a time, so a million tickets are never parsed at once. Bad JSON ends the reading with
/// <see cref="Error"/> set rather than an exception: what came before it still counts.
/// </summary>
internal sealed class JsonArrayFile(string path)
{
    private JsonReaderState state = new(new JsonReaderOptions { AllowMultipleValues = true });
    private bool sawArray;

    public string? Error { get; private set; }

    /// <summary>How much of the file has been read, 0 to 1.</summary>
    public double Done { get; private set; }

    public async IAsyncEnumerable<JsonItem> ReadAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 0, useAsync: true);
        var length = Math.Max(1, stream.Length);
        var buffer = new byte[64 * 1024];
        var (filled, start, final) = (0, 0L, false);
        var items = new List<JsonItem>();
        while (!final)
        {
            if (filled == buffer.Length)
            {
                // One element bigger than the buffer (a 48 kB mail): it grows until the element fits.
                Array.Resize(ref buffer, buffer.Length * 2);
            }
            var read = await stream.ReadAsync(buffer.AsMemory(filled), ct);
            filled += read;
            final = read == 0;
            if (start == 0 && buffer.AsSpan(0, filled).StartsWith("\uFEFF"u8))
            {
                // A byte order mark, as some tools save UTF-8: the JSON reader would take it for bad JSON.
                buffer.AsSpan(3, filled - 3).CopyTo(buffer);
                (filled, start) = (filled - 3, 3);
            }
            items.Clear();
            var consumed = Scan(buffer.AsSpan(0, filled), final, start, items);
            foreach (var item in items)
            {
                Done = (double)(item.Offset + item.Length) / length;
                yield return item;
            }
            if (Error is not null)
            {
                yield break;
            }
            buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
            filled -= consumed;
            start += consumed;
        }
        if (!sawArray)
        {
            Error = "the file holds no JSON array";
        }
        else if (buffer.AsSpan(0, filled).Trim(" \t\r\n"u8).Length > 0)
        {
            Error = $"the file ends inside an element, after byte {start}";
        }
        Done = 1;
    }

    /// <summary>The elements complete in <paramref name="data"/>; returns how many bytes they and the separators took.</summary>
    private int Scan(ReadOnlySpan<byte> data, bool final, long offset, List<JsonItem> items)
    {
        var reader = new Utf8JsonReader(data, final, state);
        var consumed = 0;
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth == 0)
                {
                    if (reader.TokenType is not (JsonTokenType.StartArray or JsonTokenType.EndArray))
                    {
                        throw new JsonException($"a JSON array was expected, not {reader.TokenType}");
                    }
                    sawArray = true;
                }
                else
                {
                    var at = (int)reader.TokenStartIndex;
                    // An element cut by the buffer's end is read again whole with the next block.
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
                    {
                        break;
                    }
                    var end = (int)reader.BytesConsumed;
                    items.Add(new JsonItem(JsonSerializer.Deserialize<JsonElement>(data[at..end]), offset + at, end - at));
                }
                consumed = (int)reader.BytesConsumed;
                state = reader.CurrentState;
            }
        }
        catch (JsonException e)
        {
            Error = $"not valid JSON after byte {offset + consumed}: {e.Message}";
        }
        return consumed;
    }

    /// <summary>One element again, from where <see cref="ReadAsync"/> found it.</summary>
    public static async Task<JsonElement> ReadAtAsync(Microsoft.Win32.SafeHandles.SafeFileHandle file, long offset, int length, CancellationToken ct)
    {
        var bytes = new byte[length];
        var read = 0;
        while (read < length)
        {
            var n = await RandomAccess.ReadAsync(file, bytes.AsMemory(read), offset + read, ct);
            if (n == 0)
            {
                throw new JsonException("the file ended before the element");
            }
            read += n;
        }
        return JsonSerializer.Deserialize<JsonElement>(bytes);
    }
}
