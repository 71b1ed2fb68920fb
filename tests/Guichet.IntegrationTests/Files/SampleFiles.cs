using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Guichet.Testing;

namespace Guichet.IntegrationTests.Files;

/// <summary>Small files whose first bytes say what they are, as a phone or a scanner writes them.</summary>
internal static class SampleFiles
{
    public static byte[] Png(int size = 300)
    {
        var bytes = new byte[size];
        new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(bytes, 0);
        for (var i = 8; i < size; i++)
        {
            bytes[i] = (byte)(i * 7);
        }
        return bytes;
    }

    public static byte[] Jpeg(int size = 400)
    {
        var bytes = Png(size);
        new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F' }.CopyTo(bytes, 0);
        return bytes;
    }

    public static byte[] Pdf(string text = "Bon de livraison") => Encoding.ASCII.GetBytes($"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% {text}\n%%EOF\n");

    public static byte[] Program() => [.. "MZ"u8.ToArray(), .. new byte[200]];

    /// <summary>POST /api/cases/{id}/files with each (name, bytes) as a part named "file".</summary>
    public static async Task<(HttpResponseMessage Response, JsonNode Body)> UploadAsync(HttpClient client, string caseId, params (string Name, byte[] Content)[] files)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = MediaTypeHeaderValue.Parse("application/octet-stream");
            // Written by hand so that a name with a slash or a control character reaches the server as sent.
            part.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"file\"; filename=\"{name.Replace("\"", "\\\"", StringComparison.Ordinal)}\"");
            form.Add(part);
        }
        var response = await client.PostAsync($"/api/cases/{caseId}/files", form);
        return (response, await ApiJson.ReadAsync(response));
    }
}
