using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Guichet.Testing;

/// <summary>A platform adapter posting to the social webhook: no bearer token, the body signed with the channel's secret.</summary>
public static class SocialWebhook
{
    public static async Task<(HttpStatusCode Status, JsonNode Body)> PostAsync(GuichetServer server, object ev, string? secret = GuichetServer.FacebookSecret, string platform = "facebook")
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(ev);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/channels/social/{platform}/events") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (secret is not null)
        {
            request.Headers.Add("X-Guichet-Signature", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body)));
        }
        using var platformClient = new HttpClient { BaseAddress = server.BaseAddress };
        var response = await platformClient.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, await ApiJson.ReadAsync(response));
    }
}
