using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Guichet.Testing;

public static class ApiJson
{
    public static async Task<(HttpResponseMessage Response, JsonNode Body)> PostJsonAsync(this HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body, TestContext.Current.CancellationToken);
        return (response, await ReadAsync(response));
    }

    public static async Task<(HttpResponseMessage Response, JsonNode Body)> PatchJsonAsync(this HttpClient client, string url, object body)
    {
        var response = await client.PatchAsJsonAsync(url, body, TestContext.Current.CancellationToken);
        return (response, await ReadAsync(response));
    }

    public static async Task<(HttpResponseMessage Response, JsonNode Body)> PutJsonAsync(this HttpClient client, string url, object body)
    {
        var response = await client.PutAsJsonAsync(url, body, TestContext.Current.CancellationToken);
        return (response, await ReadAsync(response));
    }

    public static async Task<(HttpResponseMessage Response, JsonNode Body)> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        return (response, await ReadAsync(response));
    }

    public static async Task<JsonNode> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text) ?? new JsonObject();
    }

    public static string Str(this JsonNode node, string path)
    {
        JsonNode? current = node;
        foreach (var part in path.Split('.'))
        {
            current = int.TryParse(part, out var i) ? current?[i] : current?[part];
        }
        return current?.GetValueKind() == JsonValueKind.String ? current.GetValue<string>() : current?.ToJsonString() ?? "";
    }

    /// <summary>A problem+json response: asserts its status and that its errors name the field.</summary>
    public static void AssertProblemNames(this (HttpResponseMessage Response, JsonNode Body) result, int status, string field)
    {
        Assert.Equal(status, (int)result.Response.StatusCode);
        Assert.Equal("application/problem+json", result.Response.Content.Headers.ContentType?.MediaType);
        var errors = result.Body["errors"]?.AsObject();
        Assert.True(errors is not null && errors.ContainsKey(field), $"expected errors to name '{field}', got {result.Body.ToJsonString()}");
    }
}
