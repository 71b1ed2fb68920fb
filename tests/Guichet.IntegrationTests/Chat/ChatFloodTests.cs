using Guichet.Core.Cases;
using Guichet.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace Guichet.IntegrationTests.Chat;

/// <summary>Issue 10: messages poured through one open chat connection are limited, and what is refused is not stored.</summary>
public sealed class ChatFloodTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task A_connection_pouring_messages_is_refused_past_the_burst_and_only_what_was_accepted_is_on_the_case()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var widget = new HubConnectionBuilder().WithUrl(new Uri(server.BaseAddress, "/hubs/chat")).Build();
        await widget.StartAsync(ct);
        var visitor = Guid.NewGuid().ToString("N");
        await widget.InvokeAsync<object>("Hello", visitor, "fr", ct);

        long? caseId = null;
        var refused = new List<string>();
        for (var i = 0; i < 25; i++)
        {
            try
            {
                var sent = await widget.InvokeAsync<System.Text.Json.JsonElement>("Send", visitor, "Flot", "fr", $"message {i}", ct);
                caseId = sent.GetProperty("caseId").GetInt64();
            }
            catch (HubException e)
            {
                refused.Add(e.Message);
            }
        }

        // The burst passes (a second or two of refill may let one more through on a slow machine); the rest is refused with a reason.
        Assert.InRange(refused.Count, 25 - Features.Chat.ChatFlood.Burst - 2, 25 - Features.Chat.ChatFlood.Burst);
        Assert.All(refused, m => Assert.Contains("Trop de messages", m, StringComparison.Ordinal));
        var stored = await server.ReadDbAsync(db => db.Messages.CountAsync(m => m.CaseId == caseId && m.Direction == MessageDirection.In, ct));
        Assert.Equal(25 - refused.Count, stored);

        // Another widget (another connection) is not held back by this one.
        await using var other = new HubConnectionBuilder().WithUrl(new Uri(server.BaseAddress, "/hubs/chat")).Build();
        await other.StartAsync(ct);
        var second = Guid.NewGuid().ToString("N");
        await other.InvokeAsync<object>("Hello", second, "fr", ct);
        await other.InvokeAsync<System.Text.Json.JsonElement>("Send", second, "Autre", "fr", "Bonjour", ct);
    }
}
