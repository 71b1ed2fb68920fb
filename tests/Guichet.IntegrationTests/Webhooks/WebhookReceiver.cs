using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.IntegrationTests.Webhooks;

/// <summary>An endpoint of a company's stack, run by the test on loopback: it records what it is sent and answers what the test says.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public sealed record Received(string Event, string Delivery, string Signature, string Body);

    private readonly WebApplication app;
    public ConcurrentQueue<Received> Requests { get; } = new();
    /// <summary>The status every request gets until changed.</summary>
    public int Answer { get; set; } = StatusCodes.Status200OK;

    private WebhookReceiver(WebApplication app) => this.app = app;

    public string Url => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hook";

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            receiver.Requests.Enqueue(new Received(http.Request.Headers["Guichet-Event"].ToString(), http.Request.Headers["Guichet-Delivery"].ToString(),
                http.Request.Headers["Guichet-Signature"].ToString(), body));
            return Results.Text(receiver.Answer == 200 ? "merci" : "panne", statusCode: receiver.Answer);
        });
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
