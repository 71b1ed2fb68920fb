using Guichet.Core.Cases;
using Guichet.Core.Data;
using Guichet.Core.Replies;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Incidents;

/// <summary>POST /api/crises: a crisis as a manager declares it.</summary>
public sealed record CrisisRequest(string? Name, string? Kind, string? Regions, DateTimeOffset? StartsAt = null, DateTimeOffset? EndsAt = null,
    IReadOnlyList<string>? Fees = null, string? Acknowledgment = null, string? Reply = null);

/// <summary>
/// Declares a crisis (SPEC E3) and applies it at once to the open cases of its region's customers:
/// tagged, raised to urgent, the waived fees recorded on each. New cases are tagged as they open.
/// </summary>
public sealed class DeclareCrisis(GuichetDb db, TimeProvider clock)
{
    public async Task<Result<(Crisis Crisis, int Cases)>> RunAsync(CrisisRequest request, string by, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
        {
            errors.Add("name", "A crisis needs a name (at most 200 characters).");
        }
        if (string.IsNullOrWhiteSpace(request.Kind) || request.Kind.Length > 64)
        {
            errors.Add("kind", "Say what kind of crisis it is (storm, flood, outage, strike…).");
        }
        if (string.IsNullOrWhiteSpace(request.Regions) || CrisisRegion.Entries(request.Regions).Any(e => e.Length is 0 or > 16 || e.TrimEnd('*').Contains('*', StringComparison.Ordinal)))
        {
            errors.Add("regions", "List the postal codes or prefixes it covers, comma separated: \"31*, 32000\".");
        }
        var now = clock.GetUtcNow();
        var starts = (request.StartsAt ?? now).ToUniversalTime();
        if (request.EndsAt is { } ends && ends <= starts)
        {
            errors.Add("endsAt", "The crisis must end after it starts.");
        }
        foreach (var (fee, i) in (request.Fees ?? []).Select((f, i) => (f, i)))
        {
            if (string.IsNullOrWhiteSpace(fee) || fee.Split(':', 2)[0].Trim().Length is 0 or > 32)
            {
                errors.Add($"fees[{i}]", "Each fee is \"CODE: what it is\", the code at most 32 characters.");
            }
        }
        foreach (var (field, text) in new[] { ("acknowledgment", request.Acknowledgment), ("reply", request.Reply) })
        {
            if (text is not null && LiquidTemplate.SyntaxError(text) is { } syntax)
            {
                errors.Add(field, $"The template is not valid Liquid: {syntax}");
            }
            else if (text is not null && LiquidTemplate.Problem(text, new Dictionary<string, object?>()) is { } bounds)
            {
                errors.Add(field, bounds);
            }
        }
        if (errors.Any)
        {
            return errors;
        }
        var crisis = new Crisis
        {
            Name = request.Name!.Trim(),
            Kind = request.Kind!.Trim().ToLowerInvariant(),
            Regions = string.Join(", ", CrisisRegion.Entries(request.Regions!)),
            StartsAt = starts,
            EndsAt = request.EndsAt?.ToUniversalTime(),
            Fees = string.Join("\n", (request.Fees ?? []).Select(f => f.Trim())),
            Acknowledgment = string.IsNullOrWhiteSpace(request.Acknowledgment) ? null : request.Acknowledgment,
            Reply = string.IsNullOrWhiteSpace(request.Reply) ? null : request.Reply,
            DeclaredBy = by,
            DeclaredAt = now,
        };
        db.Crises.Add(crisis);
        await db.SaveChangesAsync(ct);
        var tagged = 0;
        if (crisis.IsActive(now))
        {
            // The region's customers: few enough to match in memory (postal codes are short and indexed by nothing useful for prefixes).
            var customers = await db.Customers.Where(c => c.PostalCode != null).Select(c => new { c.Id, c.PostalCode }).ToListAsync(ct);
            var inRegion = customers.Where(c => crisis.Covers(c.PostalCode)).Select(c => c.Id).ToList();
            foreach (var chunk in inRegion.Chunk(500))
            {
                var cases = await db.Cases.Active().Where(c => chunk.Contains(c.CustomerId) && c.CrisisId == null).ToListAsync(ct);
                foreach (var @case in cases)
                {
                    @case.JoinCrisis(crisis, now);
                    tagged++;
                }
                await db.SaveChangesAsync(ct);
            }
        }
        return (crisis, tagged);
    }

    /// <summary>Ends a crisis (recorded with who and when); its cases keep their tag, history and waived fees.</summary>
    public async Task<Result<Crisis>> EndAsync(long id, string by, CancellationToken ct = default)
    {
        var crisis = await db.Crises.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (crisis is null)
        {
            return Failure.NotFound("id", $"There is no crisis {id}.");
        }
        if (crisis.EndedAt is not null)
        {
            return Failure.Conflict("id", $"The crisis « {crisis.Name} » already ended.");
        }
        crisis.EndedAt = clock.GetUtcNow();
        crisis.EndedBy = by;
        await db.SaveChangesAsync(ct);
        return crisis;
    }

    /// <summary>The crises not ended, newest first: what a new contact is matched against (<see cref="Crisis.Covering"/>).</summary>
    public static Task<List<Crisis>> NotEndedAsync(GuichetDb db, CancellationToken ct) =>
        db.Crises.AsNoTracking().Where(c => c.EndedAt == null).OrderByDescending(c => c.Id).ToListAsync(ct);
}
