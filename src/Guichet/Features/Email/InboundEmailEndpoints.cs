using Guichet.Features.Audit;
using Guichet.Features.Permissions;
using Guichet.Hosting.Web;
using Guichet.Core.Cases;
using Guichet.Core.Data;
using Guichet.Core.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Http.Features;

namespace Guichet.Features.Email;

/// <summary>
/// CONTRACT POST /api/inbound/email: one raw RFC 5322 message, as an MTA pipe delivers it (like
/// Request Tracker's mail gateway). 202 once it is stored, whatever became of it, so the MTA never
/// retries a message Guichet already holds; idempotent on Message-ID (or the bytes' hash).
/// </summary>
public static class InboundEmailEndpoints
{
    private static readonly Hosting.Web.Keyset<Core.Email.InboundEmail> Newest = new("inbound.newest", (e => e.Id, true));

    public sealed record InboundReceipt(long? CaseId, long? MessageId, string Outcome);
    public sealed record InboundSummary(long Id, DateTimeOffset ReceivedAt, string? From, string? Subject, string Outcome, long? CaseId, string? Reason, int Size);

    /// <summary>Who may process quarantined mail again: it can open cases and send acknowledgments.</summary>

    public static RouteGroupBuilder MapInboundEmail(this RouteGroupBuilder api)
    {
        api.MapPost("/inbound/email/{id:long}/reprocess", async (long id, HttpContext http, ReceiveEmail receive) =>
        {
            var team = http.Request.Query["team"].ToString();
            var result = await receive.ReprocessAsync(id, string.IsNullOrWhiteSpace(team) ? null : team, http.RequestAborted);
            return result.Succeeded
                ? Results.Ok(new InboundReceipt(result.Value.CaseId, result.Value.MessageId, result.Value.Outcome.ToWire()))
                : Problems.From(result.Failure!);
        })
        .RequireAuthorization(Access.Lead)
        .WithTags("Email")
        .Produces<InboundReceipt>()
        .WithSummary("Process a quarantined message again (after a fix or a larger size limit); its stored record takes the new outcome.")
            .TakesNoBody();

        api.MapPost("/inbound/email", async (HttpContext http, MailIntakeSettings intake, InboundMailWriter writer) =>
        {
            // Room for a message at the limit; a larger one is still read whole and kept in quarantine.
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = intake.MaxMessageBytes + (5 * 1024 * 1024);
            }
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
            if (buffer.Length == 0)
            {
                return Problems.Field(StatusCodes.Status400BadRequest, "Invalid request", "body", "Send one raw RFC 5322 message as the body (Content-Type: message/rfc822).");
            }
            var team = http.Request.Query["team"].ToString();
            // Grouped with concurrent deliveries into one commit; the 202 comes after it.
            var receipt = await writer.SubmitAsync(buffer.ToArray(), string.IsNullOrWhiteSpace(team) ? null : team, http.RequestAborted);
            return TypedResults.Accepted((string?)null, new InboundReceipt(receipt.CaseId, receipt.MessageId, receipt.Outcome.ToWire()));
        })
        .Accepts<byte[]>("message/rfc822")
        .Produces<InboundReceipt>(StatusCodes.Status202Accepted)
        .WithTags("Email")
        .RequireRateLimiting(Hosting.Web.RateLimits.InboundEmail)
        .IsChannelDoor()
        .NotAudited("each message is its own InboundEmail record; a relay's flow would double every write")
        .WithSummary("One raw email (message/rfc822) into Guichet: created, appended, duplicate, ignored (auto-reply, bounce, list), held, or quarantined with its bytes kept.");

        api.MapGet("/inbound/email", async (HttpContext http, GuichetDb db) =>
        {
            var query = new QueryParams(http.Request);
            var outcomeText = query.Text("outcome") ?? "held";
            if (!WireNames.TryParseWire<InboundOutcome>(outcomeText, out var outcome))
            {
                query.Errors.Add("outcome", $"'{outcomeText}' is not an outcome; use held, quarantined, ignored, created, appended.");
            }
            var (page, pageSize) = query.Paging();
            var after = Newest.Read(query);
            if (query.Errors.Any)
            {
                return Problems.From(query.Errors.ToFailure());
            }
            var list = db.InboundEmails.AsNoTracking().Where(e => e.Outcome == outcome).SeenBy(db, await http.CurrentAgentAsync(db));
            var total = await list.CountAsync(http.RequestAborted);
            var items = await Newest.Page(list, after, page, pageSize)
                .Select(e => new { e.Id, e.ReceivedAt, e.From, e.Subject, e.Outcome, e.CaseId, e.Reason, Size = e.Raw.Length })
                .ToListAsync(http.RequestAborted);
            return TypedResults.Ok(new Features.Cases.Page<InboundSummary>(
                items.Select(e => new InboundSummary(e.Id, e.ReceivedAt, e.From, e.Subject, e.Outcome.ToWire(), e.CaseId, e.Reason, e.Size)).ToArray(), after is null ? page : 1, pageSize, total)
            {
                Next = items.Count < pageSize ? null : await Newest.NextAsync(db.InboundEmails.Where(e => e.Id == items[items.Count - 1].Id), items.Count, pageSize, http.RequestAborted),
            });
        })
        .WithTags("Email")
        .Produces<Features.Cases.Page<InboundSummary>>()
        .WithPaging()
        .WithQuery("outcome: held (default), quarantined, ignored, created or appended.")
        .WithSummary("Stored inbound mail by outcome (default held): what agents must look at, newest first.");

        api.MapGet("/inbound/email/{id:long}/raw", async (long id, GuichetDb db, CancellationToken ct) =>
        {
            var raw = await db.InboundEmails.Where(e => e.Id == id).Select(e => e.Raw).FirstOrDefaultAsync(ct);
            // Served as a download, never rendered: it is untrusted content.
            return raw is null
                ? Problems.Field(StatusCodes.Status404NotFound, "Not found", "id", $"There is no inbound message {id}.")
                : TypedResults.File(raw, "message/rfc822", $"inbound-{id}.eml");
        })
        .WithTags("Email")
        .ProducesFile("message/rfc822")
        .WithSummary("The raw bytes of one stored inbound message, as received.");
        return api;
    }
}
