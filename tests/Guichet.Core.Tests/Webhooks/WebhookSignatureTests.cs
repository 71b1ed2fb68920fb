using Guichet.Core.Webhooks;

namespace Guichet.Core.Tests.Webhooks;

/// <summary>W10: a receiver tells Guichet's deliveries from forged, altered or replayed ones.</summary>
public sealed class WebhookSignatureTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private const string Body = """{"id":"m1","type":"case.opened"}""";

    [Fact]
    public void The_header_is_the_time_and_the_hmac_of_time_dot_body()
    {
        var header = WebhookSignature.Sign("whsec_test", At, Body);
        // Recomputed the way a receiver's own library would, from the documented recipe.
        var mac = System.Security.Cryptography.HMACSHA256.HashData("whsec_test"u8.ToArray(), System.Text.Encoding.UTF8.GetBytes($"{At.ToUnixTimeSeconds()}.{Body}"));
        Assert.Equal($"t={At.ToUnixTimeSeconds()},v1={Convert.ToHexStringLower(mac)}", header);
    }

    [Fact]
    public void A_forged_altered_replayed_or_malformed_delivery_does_not_verify()
    {
        var header = WebhookSignature.Sign("whsec_test", At, Body);
        var window = TimeSpan.FromMinutes(5);
        Assert.True(WebhookSignature.Verify("whsec_test", header, Body, At.AddMinutes(1), window));
        Assert.False(WebhookSignature.Verify("whsec_other", header, Body, At, window));
        Assert.False(WebhookSignature.Verify("whsec_test", header, Body.Replace("opened", "closed", StringComparison.Ordinal), At, window));
        Assert.False(WebhookSignature.Verify("whsec_test", header, Body, At.AddMinutes(6), window));
        Assert.False(WebhookSignature.Verify("whsec_test", "v1=abc", Body, At, window));
        Assert.False(WebhookSignature.Verify("whsec_test", "t=x,v1=abc", Body, At, window));
    }

    [Fact]
    public void A_team_chat_line_names_the_case_and_what_happened_but_not_the_customer_unless_allowed()
    {
        var payload = new WebhookPayload("e9", WebhookEvents.Urgent, At, new WebhookCase(1, "G-2026-000001", "Pompe", "open", "urgent", "email", 1, null, null, null),
            Change: new WebhookChange("priorityChanged", "Ana", "high", "urgent"));
        var slack = System.Text.Json.Nodes.JsonNode.Parse(ChatFormats.Render(ChatFormats.Slack, payload, "Piscines"))!["text"]!.GetValue<string>();
        Assert.Equal("*[G-2026-000001] Pompe* — URGENT (high → urgent) · Piscines", slack);
        var named = ChatFormats.Render(ChatFormats.Mattermost, payload with { Case = payload.Case with { Customer = "Claire Cliente" } }, "Piscines");
        Assert.Contains("Claire Cliente", named, StringComparison.Ordinal);
        // What a customer typed cannot ping the channel nor hide a link.
        var hostile = payload with { Case = payload.Case with { Subject = "<!channel> @all <https://evil.example|payez ici>" } };
        var escaped = System.Text.Json.Nodes.JsonNode.Parse(ChatFormats.Render(ChatFormats.Slack, hostile, "Piscines"))!["text"]!.GetValue<string>();
        Assert.DoesNotContain("<", escaped, StringComparison.Ordinal);
        Assert.Contains("&lt;!channel&gt;", escaped, StringComparison.Ordinal);
        Assert.DoesNotContain("@all", escaped, StringComparison.Ordinal);
        var teams = System.Text.Json.Nodes.JsonNode.Parse(ChatFormats.Render(ChatFormats.Teams, payload, "Piscines"))!;
        Assert.Equal("AdaptiveCard", teams["attachments"]![0]!["content"]!["type"]!.GetValue<string>());
    }
}
