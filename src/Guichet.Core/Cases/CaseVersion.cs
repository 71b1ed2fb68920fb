using System.Globalization;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Cases;

/// <summary>
/// What an agent had in front of them when they wrote (W2): the last message and the last event of
/// the case, as <c>m{id}e{id}</c>. Both only grow, so "what happened since" is the rows after them.
/// </summary>
public static class CaseVersion
{
    public static async Task<string> OfAsync(GuichetDb db, long caseId, CancellationToken ct)
    {
        var message = await db.Messages.Where(m => m.CaseId == caseId).MaxAsync(m => (long?)m.Id, ct) ?? 0;
        var @event = await db.CaseEvents.Where(e => e.CaseId == caseId).MaxAsync(e => (long?)e.Id, ct) ?? 0;
        return Format(message, @event);
    }

    public static string Format(long lastMessage, long lastEvent) =>
        string.Create(CultureInfo.InvariantCulture, $"m{lastMessage}e{lastEvent}");

    public static bool TryParse(string? version, out long lastMessage, out long lastEvent)
    {
        lastMessage = lastEvent = 0;
        if (version is null || !version.StartsWith('m'))
        {
            return false;
        }
        var e = version.IndexOf('e', StringComparison.Ordinal);
        return e > 1
            && long.TryParse(version.AsSpan(1, e - 1), NumberStyles.None, CultureInfo.InvariantCulture, out lastMessage)
            && long.TryParse(version.AsSpan(e + 1), NumberStyles.None, CultureInfo.InvariantCulture, out lastEvent);
    }

    /// <summary>What others did on the case after <paramref name="version"/>, oldest first: what the agent has not seen.</summary>
    public static async Task<IReadOnlyList<CaseChange>> SinceAsync(GuichetDb db, long caseId, long lastMessage, long lastEvent, long? me, CancellationToken ct)
    {
        var messages = await db.Messages.AsNoTracking()
            .Where(m => m.CaseId == caseId && m.Id > lastMessage && (me == null || m.AuthorId == null || m.AuthorId != me))
            .OrderBy(m => m.Id).Take(20)
            .Select(m => new { m.CreatedAt, m.AuthorName, m.Direction, m.Kind, m.Body })
            .ToListAsync(ct);
        var events = await db.CaseEvents.AsNoTracking()
            .Where(e => e.CaseId == caseId && e.Id > lastEvent && (me == null || e.ActorId == null || e.ActorId != me) && !Bookkeeping.Contains(e.Kind))
            .OrderBy(e => e.Id).Take(20)
            .Select(e => new { e.At, e.ActorName, e.Kind, e.To, e.Detail })
            .ToListAsync(ct);
        return [.. messages.Select(m => new CaseChange(m.CreatedAt, m.AuthorName, m.Direction == MessageDirection.In ? "customerWrote" : m.Kind == MessageKind.Reply ? "replied" : "automatic", Excerpt(m.Body)))
            .Concat(events.Select(e => e.Kind == CaseEventKind.Note
                ? new CaseChange(e.At, e.ActorName, "note", Excerpt(e.Detail ?? ""))
                : new CaseChange(e.At, e.ActorName, "event:" + e.Kind.ToWire(), "", e.To)))
            .OrderBy(c => c.At)];
    }

    // What Guichet notes for itself beside a message or an alert changes nothing the agent must read before answering.
    private static readonly CaseEventKind[] Bookkeeping =
    [
        CaseEventKind.OwnerAlerted, CaseEventKind.CeilingNear, CaseEventKind.Routed, CaseEventKind.Joined,
        CaseEventKind.ReExplained, CaseEventKind.PerhapsSameMatter, CaseEventKind.NotSameMatter, CaseEventKind.GuardBlocked,
    ];

    private static string Excerpt(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= 140 ? flat : string.Concat(flat.AsSpan(0, 139), "…");
    }
}

/// <summary>One thing that happened on a case since an agent read it: when, who, what kind, and a short excerpt.</summary>
/// <remarks>For an event, <see cref="To"/> is what it led to (a status's wire name, a team, a person), as the timeline keeps it.</remarks>
public sealed record CaseChange(DateTimeOffset At, string Who, string What, string Excerpt, string? To = null)
{
    public string Sentence => $"{At:yyyy-MM-dd HH:mm}Z {Who}: {What} {(To is null ? "" : "→ " + To + " ")}{Excerpt}".TrimEnd();
}
