using Guichet.Core.Data;
using Guichet.Core.Incidents;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Incidents;

/// <summary>An incident as the API and the workspace show it: how many were reached, how many after the target, and each list.</summary>
public sealed record IncidentProgress(long Id, string Kind, string Title, DateTimeOffset StartsAt, int TargetHours, DateTimeOffset DueBy,
    int Reached, int ReachedLate, int OnExistingCases, bool Running, IReadOnlyList<IncidentProgress.ListDto> Lists)
{
    public sealed record ListDto(long Id, string Source, string SentBy, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt,
        int Lines, int Reached, int AlreadyReached, int OnExistingCases, int RefusedCount, IReadOnlyList<string> Refused, string? Error);

    public static async Task<IncidentProgress> OfAsync(GuichetDb db, Incident i, CancellationToken ct)
    {
        var due = i.StartsAt.AddHours(i.TargetHours);
        var recipients = db.IncidentRecipients.Where(r => r.IncidentId == i.Id);
        var reached = await recipients.CountAsync(ct);
        var late = reached == 0 ? 0 : await recipients.CountAsync(r => r.At > due, ct);
        var onExisting = reached == 0 ? 0 : await recipients.CountAsync(r => r.OnExistingCase, ct);
        var lists = (await db.IncidentLists.AsNoTracking().Where(l => l.IncidentId == i.Id).OrderByDescending(l => l.Id).Take(50).ToListAsync(ct))
            .Select(l => new ListDto(l.Id, l.Source, l.SentBy, l.StartedAt, l.FinishedAt, l.Lines, l.Reached, l.AlreadyReached, l.OnExistingCases, l.RefusedCount,
                l.Refused.Split('\n', StringSplitOptions.RemoveEmptyEntries), l.Error))
            .ToList();
        return new IncidentProgress(i.Id, i.Kind, i.Title, i.StartsAt, i.TargetHours, due, reached, late, onExisting, lists.Any(l => l.FinishedAt is null), lists);
    }
}
