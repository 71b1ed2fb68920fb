using System.Text.Json;
using System.Text.Json.Nodes;
using Guichet.Testing;

namespace Guichet.IntegrationTests.Hosting;

/// <summary>
/// Issue 25: the OpenAPI document types every answer and every error, so a generated client
/// (ApiClientTests, through Kiota) needs nothing by hand; and docs/openapi.json, which the typed
/// client is generated from, is the document the server serves. After an API change:
/// <c>GUICHET_WRITE_OPENAPI=1 dotnet test --filter ApiDocumentTests</c> writes it again.
/// </summary>
public sealed class ApiDocumentTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    public static readonly string Committed = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../docs/openapi.json"));

    [Fact]
    public async Task Every_operation_declares_its_answer_and_its_problems()
    {
        var document = await ServedAsync();
        var missing = new List<string>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var responses = operation!["responses"]!.AsObject();
                var success = responses.Where(r => r.Key.StartsWith('2')).ToList();
                if (success.Count == 0 || success.Any(r => r.Key != "204" && r.Value!["content"] is null))
                {
                    missing.Add($"{method.ToUpperInvariant()} {path}: no schema for its answer");
                }
                if (path.StartsWith("/api/", StringComparison.Ordinal) && responses["4XX"]?["content"]?["application/problem+json"] is null)
                {
                    missing.Add($"{method.ToUpperInvariant()} {path}: no problem+json for its errors");
                }
                if (string.IsNullOrWhiteSpace(operation["summary"]?.GetValue<string>()))
                {
                    missing.Add($"{method.ToUpperInvariant()} {path}: no summary");
                }
            }
        }
        Assert.Empty(missing);
        Assert.True(document["paths"]!.AsObject().Count > 100);
        Assert.Equal("3.1.1", document["openapi"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_committed_document_the_client_is_generated_from_is_the_one_served()
    {
        var served = await ServedAsync();
        var text = served.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        if (Environment.GetEnvironmentVariable("GUICHET_WRITE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(Committed, text, TestContext.Current.CancellationToken);
        }
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(Committed, TestContext.Current.CancellationToken));
        Assert.True(JsonNode.DeepEquals(served, committed),
            "docs/openapi.json differs from the served document: run GUICHET_WRITE_OPENAPI=1 dotnet test tests/Guichet.IntegrationTests --filter ApiDocumentTests, then build again (the typed client is regenerated from it).");
    }

    private async Task<JsonNode> ServedAsync()
    {
        var (_, document) = await server.Anonymous.GetJsonAsync("/openapi/v1.json");
        // Where it is served from is the reader's business, not the document's.
        document.AsObject().Remove("servers");
        return document;
    }
}
