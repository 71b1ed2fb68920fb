using System.IO.Compression;
using System.Text.Json;
using Guichet.Hosting.Web;
using Guichet.Core.Cases;
using Guichet.Core.Customers;
using Guichet.Core.Data;
using Guichet.Core.Email;
using Guichet.Features.Cases;
using Guichet.Features.Permissions;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Guichet.Features.Customers;

/// <summary>
/// A customer's personal data (issue 10): everything Guichet holds about them as one archive
/// (customer.json and every file they sent), and erasure with a recorded reason. Both are lines
/// of the audit trail (exported, changed).
/// </summary>
public static class CustomerDataEndpoints
{
    public sealed record EraseRequest(string? Reason);

    public sealed record ErasedCustomer(long Id, string Name, DateTimeOffset? ErasedAt, string? ErasedReason);

    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static RouteGroupBuilder MapCustomerData(this RouteGroupBuilder api)
    {
        api.MapGet("/customers/{id:long}/export", async (long id, GuichetDb db, TimeProvider clock, CancellationToken ct) =>
        {
            var customer = await db.Customers.AsNoTracking().Include(c => c.Identities).FirstOrDefaultAsync(c => c.Id == id, ct);
            if (customer is null)
            {
                return Problems.Field(StatusCodes.Status404NotFound, "Not found", "id", $"There is no customer {id}.");
            }
            var cases = await db.Cases.AsNoTracking().Where(c => c.CustomerId == id).OrderBy(c => c.Id)
                .Include(c => c.Team).Include(c => c.Messages).ThenInclude(m => m.Attachments).Include(c => c.Promises).Include(c => c.Events)
                .AsSplitQuery().ToListAsync(ct);
            var caseIds = cases.Select(c => c.Id).ToList();
            var assets = await db.CustomerAssets.AsNoTracking().Where(a => a.CustomerId == id).ToListAsync(ct);
            var surveys = await db.Surveys.AsNoTracking().Where(s => caseIds.Contains(s.CaseId)).ToListAsync(ct);
            var document = new
            {
                exportedAt = clock.GetUtcNow(),
                customer = new { customer.Id, customer.Name, customer.Salutation, customer.Language, customer.TimeZone, customer.Tier, customer.PostalCode, customer.CreatedAt, customer.ErasedAt, identities = customer.Identities.Select(i => new { kind = i.Kind.ToWire(), i.Value, i.Verified }) },
                assets = assets.Select(a => new { a.Kind, a.Reference, a.Label, a.Details }),
                cases = cases.Select(c => new
                {
                    c.Id, c.Reference, c.Subject, status = c.Status.ToWire(), channel = c.Channel.ToWire(), team = c.Team.Name, c.CreatedAt, c.ResolvedAt,
                    messages = c.Messages.Where(m => !m.IsSide).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Select(m => new
                    {
                        m.Id, direction = m.Direction.ToWire(), kind = m.Kind.ToWire(), channel = m.Channel.ToWire(), author = m.AuthorName, m.Body, m.CreatedAt,
                        attachments = m.Attachments.OrderBy(a => a.Id).Select(a => new { file = FileIn(a), a.FileName, a.ContentType, a.Size }),
                    }),
                    promises = c.Promises.Select(p => new { p.What, p.CreatedAt, p.DueAt, state = p.State.ToWire() }),
                    events = c.Events.OrderBy(e => e.At).Select(e => new { kind = e.Kind.ToWire(), e.At, e.From, e.To, e.Detail }),
                }),
                surveys = surveys.Select(s => new { s.CaseId, s.Csat, s.Effort, s.Comment }),
            };
            var archive = new MemoryStream();
            using (var zip = new ZipArchive(archive, ZipArchiveMode.Create, leaveOpen: true))
            {
                await using (var entry = await zip.CreateEntry("customer.json").OpenAsync(ct))
                {
                    await JsonSerializer.SerializeAsync(entry, document, Indented, ct);
                }
                await foreach (var (attachment, content) in MessageFileContent.ReadEachAsync(db, cases.SelectMany(c => c.Messages).Where(m => !m.IsSide).SelectMany(m => m.Attachments), ct))
                {
                    await using var entry = await zip.CreateEntry(FileIn(attachment)).OpenAsync(ct);
                    await entry.WriteAsync(content, ct);
                }
            }
            archive.Position = 0;
            return Results.File(archive, "application/zip", $"customer-{id}.zip");
        })
        .RequireAuthorization(Access.Manage)
        .WithTags("Customers")
        .ProducesFile("application/zip")
        .WithSummary("Everything Guichet holds about a customer, as one zip: customer.json (identity, assets, cases with messages, promises, events, surveys) and attachments/.");

        api.MapPost("/customers/{id:long}/erase", (long id, HttpContext http, GuichetDb db, EraseCustomer erase) =>
            CaseEndpoints.WithActor<EraseRequest, Customer>(http, db, (r, actor) => erase.RunAsync(id, r.Reason, actor, http.RequestAborted),
                c => Results.Ok(new ErasedCustomer(c.Id, c.Name, c.ErasedAt, c.ErasedReason))))
        .RequireAuthorization(Access.Admin)
        .Accepts<EraseRequest>("application/json")
        .WithTags("Customers")
        .Produces<ErasedCustomer>()
        .WithSummary("Erase a customer at their request {reason}: messages redacted, identities, assets, files and portal links removed, nothing more sent; cases and figures kept.");
        return api;
    }

    /// <summary>The file's place in the archive: its message, its position, a name that cannot climb out of the folder.</summary>
    private static string FileIn(Attachment a) =>
        $"attachments/{a.MessageId}-{a.Id}-{string.Concat(Path.GetFileName(a.FileName).Select(ch => char.IsLetterOrDigit(ch) || ch is '.' or '-' or '_' ? ch : '_'))}";
}
