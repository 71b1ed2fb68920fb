using Guichet.Api;
using Guichet.Core.Cases;
using Guichet.Core.Email;
using Microsoft.AspNetCore.Http.Features;

namespace Guichet.Features.Email;

/// <summary>
/// CONTRACT POST /api/inbound/email: one raw RFC 5322 message, as an MTA pipe delivers it (like
/// Request Tracker's mail gateway). 202 once it is stored, whatever became of it, so the MTA never
/// retries a message Guichet already holds; idempotent on Message-ID (or the bytes' hash).
/// </summary>
public static class InboundEmailEndpoints
{
    public sealed record InboundReceipt(long? CaseId, long? MessageId, string Outcome);

    public static RouteGroupBuilder MapInboundEmail(this RouteGroupBuilder api)
    {
        api.MapPost("/inbound/email", async (HttpContext http, ReceiveEmail receive) =>
        {
            // Room for a message at the limit; a larger one is still read whole and kept in quarantine.
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = ReceiveEmail.MaxBytes + (5 * 1024 * 1024);
            }
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
            if (buffer.Length == 0)
            {
                return Problems.Field(StatusCodes.Status400BadRequest, "Invalid request", "body", "Send one raw RFC 5322 message as the body (Content-Type: message/rfc822).");
            }
            var team = http.Request.Query["team"].ToString();
            var receipt = await receive.RunAsync(buffer.ToArray(), string.IsNullOrWhiteSpace(team) ? null : team, http.RequestAborted);
            return TypedResults.Accepted((string?)null, new InboundReceipt(receipt.CaseId, receipt.MessageId, receipt.Outcome.ToWire()));
        })
        .Accepts<byte[]>("message/rfc822")
        .Produces<InboundReceipt>(StatusCodes.Status202Accepted)
        .WithTags("Email")
        .WithSummary("One raw email (message/rfc822) into Guichet: created, appended, duplicate, ignored (auto-reply, bounce, list), held, or quarantined with its bytes kept.");
        return api;
    }
}
