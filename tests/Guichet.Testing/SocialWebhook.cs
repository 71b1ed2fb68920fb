using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Guichet.Hosting.Web;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Testing;

/// <summary>A platform adapter posting to the social webhook: no bearer token, the body signed with the channel's secret.</summary>
public static class SocialWebhook
{
    public static async Task<(HttpStatusCode Status, JsonNode Body)> PostAsync(GuichetServer server, object ev, string? secret = GuichetServer.FacebookSecret, string platform = "facebook", TimeSpan? signedAgo = null)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(ev);
        // Signed by the adapter's clock, which is the server's here (the test clock when it has one).
        var at = server.Services.GetRequiredService<TimeProvider>().GetUtcNow() - (signedAgo ?? TimeSpan.Zero);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/channels/social/{platform}/events") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (secret is not null)
        {
            request.Headers.Add("X-Guichet-Signature", WebhookSignature.Sign(secret, at, body));
        }
        using var platformClient = new HttpClient { BaseAddress = server.BaseAddress };
        var response = await platformClient.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, await ApiJson.ReadAsync(response));
    }
}
