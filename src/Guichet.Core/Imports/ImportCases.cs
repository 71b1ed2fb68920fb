using Guichet.Core.Cases;
using Guichet.Core.Cases.Fields;
using Guichet.Core.Cases.Tags;
using Guichet.Core.Data;
using Guichet.Core.Promises;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Imports;

/// <summary>
/// Cases a batch at a time, in one transaction with their keys: a ticket brought before is updated
/// only when the source changed it since (its status, owner, tags, fields, and the comments not yet
/// brought), otherwise left alone. Nothing is sent or acknowledged; the watchers see no promise
/// unless the admin asked for first-response promises on the tickets still waiting for an answer.
/// </summary>
internal sealed class ImportCases(GuichetDb db, ImportKeys keys, ImportDirectory directory, ImportReport report, ImportPeople people, bool promiseOpen, TimeProvider clock)
{
    /// <summary>Cases merged into another ticket, linked once every case is in.</summary>
    public List<(long CaseId, string Reference, string Target)> Merges { get; } = [];

    public async Task WriteAsync(IReadOnlyList<ImportedCase> batch, CancellationToken ct)
    {
        var tickets = batch.GroupBy(t => t.ExternalId).Select(g => g.Last()).ToList();
        var known = await keys.CasesAsync([.. tickets.Select(t => t.ExternalId)], ct);
        var fresh = tickets.Where(t => !known.ContainsKey(t.ExternalId)).ToList();
        var changed = tickets.Where(t => known.TryGetValue(t.ExternalId, out var k) && k.Version != Version(t)).ToList();
        report.Count(report.Unchanged, "case", tickets.Count - fresh.Count - changed.Count);
        if (keys.DryRun)
        {
            DryRun(fresh, changed, known);
            return;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await people.ResolveAsync(tickets, ct);
        var now = clock.GetUtcNow();
        var cases = fresh.Select(t => (Ticket: t, Case: NewCase(t, now))).ToList();
        db.Cases.AddRange(cases.Select(c => c.Case));
        await db.SaveChangesAsync(ct);
        foreach (var (ticket, @case) in cases)
        {
            @case.Reference = Case.FormatReference(@case.Id, @case.CreatedAt);
            var conversation = Conversation(ticket, @case.Id, ticket.Comments);
            @case.CountImported(conversation);
            Tags(ticket, @case.Id, []);
            Fields(ticket, @case.Id, []);
            @case.Events.Add(CaseEvent.Create(CaseEventKind.Imported, now, null, null, ticket.Number, $"{people.SourceName} #{ticket.Number ?? ticket.ExternalId}"));
            if (promiseOpen && @case.IsActive && @case.CustomerWaitingSince is not null)
            {
                var team = directory.Teams[@case.TeamId];
                var due = team.Calendar.AddBusinessDays(now.ToInstant(), team.FirstResponseBusinessDays).ToUtc();
                Promise.Make(@case, PromiseKind.FirstResponse, OpenCase.FirstResponseWhat, due, null, toConfirm: false, now);
            }
            keys.Add("case", ticket.ExternalId, @case.Id, Version(ticket), Children(ticket.Comments));
            if (ticket.MergedInto is { } target)
            {
                Merges.Add((@case.Id, @case.Reference, target));
            }
            report.Count(report.Created, "case");
        }
        await UpdateAsync(changed, known, now, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    private void DryRun(List<ImportedCase> fresh, List<ImportedCase> changed, Dictionary<string, ImportedKey> known)
    {
        foreach (var t in fresh)
        {
            keys.DryCase(t.ExternalId);
            report.Count(report.Created, "case");
            report.Count(report.Created, "message", t.Comments.Count);
        }
        foreach (var t in changed)
        {
            var seen = Seen(known[t.ExternalId]);
            report.Count(report.Updated, "case");
            report.Count(report.Created, "message", t.Comments.Count(c => !seen.Contains(c.ExternalId)));
        }
    }

    private Case NewCase(ImportedCase t, DateTimeOffset now)
    {
        var team = directory.Teams.GetValueOrDefault(keys.Find("team", t.TeamExternalId) ?? 0) ?? directory.DefaultTeam;
        var subject = ImportDirectory.Clip(string.IsNullOrWhiteSpace(t.Subject) ? FirstLine(t) : t.Subject.Trim(), 500);
        var @case = Case.Imported(team, people.CustomerFor(t), subject, t.Channel, Status(t.Status), t.Priority, people.AgentFor(t.AssigneeExternalId),
            t.CreatedAt, t.UpdatedAt, t.SolvedAt, now);
        if (t.Copied is { Count: > 0 } copied)
        {
            @case.Copied = ImportDirectory.Clip(string.Join(", ", copied), 2000);
        }
        return @case;
    }

    private async Task UpdateAsync(List<ImportedCase> changed, Dictionary<string, ImportedKey> known, DateTimeOffset now, CancellationToken ct)
    {
        if (changed.Count == 0)
        {
            return;
        }
        var ids = changed.Select(t => known[t.ExternalId].LocalId).ToList();
        var cases = await db.Cases.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var messages = (await db.Messages.AsNoTracking().Where(m => ids.Contains(m.CaseId)).ToListAsync(ct)).ToLookup(m => m.CaseId);
        var tags = (await db.CaseTags.AsNoTracking().Where(t => ids.Contains(t.CaseId)).ToListAsync(ct)).ToLookup(t => t.CaseId, t => t.Name);
        var values = (await db.FieldValues.Where(v => ids.Contains(v.CaseId)).ToListAsync(ct)).ToLookup(v => v.CaseId);
        foreach (var t in changed)
        {
            var key = known[t.ExternalId];
            if (!cases.TryGetValue(key.LocalId, out var @case))
            {
                // The case was deleted here since (retention, erasure): it is not brought back.
                report.Refuse("ticket", t.ExternalId, "Imported before, then deleted in Guichet: left deleted.");
                continue;
            }
            var team = directory.Teams.GetValueOrDefault(keys.Find("team", t.TeamExternalId) ?? 0) ?? directory.Teams.GetValueOrDefault(@case.TeamId) ?? directory.DefaultTeam;
            @case.UpdateImported(team, Status(t.Status), t.Priority, people.AgentFor(t.AssigneeExternalId), t.UpdatedAt, t.SolvedAt);
            var seen = Seen(key);
            var added = Conversation(t, @case.Id, [.. t.Comments.Where(c => !seen.Contains(c.ExternalId))]);
            @case.CountImported(messages[@case.Id].Concat(added));
            Tags(t, @case.Id, [.. tags[@case.Id]]);
            Fields(t, @case.Id, [.. values[@case.Id]]);
            key.Version = Version(t);
            key.Children = Children(t.Comments);
            report.Count(report.Updated, "case");
        }
    }

    /// <summary>The comments as messages (what the customer and the agents said) and notes (what agents wrote for each other).</summary>
    private List<Message> Conversation(ImportedCase ticket, long caseId, IReadOnlyList<ImportedComment> comments)
    {
        var messages = new List<Message>();
        foreach (var c in comments.OrderBy(c => c.CreatedAt))
        {
            var (message, note) = people.Said(ticket, caseId, c);
            if (message is not null)
            {
                ImportFiles.Attach(db, report, ticket.ExternalId, caseId, message, c.Files, directory.DefaultTeam);
                db.Messages.Add(message);
                messages.Add(message);
                report.Count(report.Created, "message");
            }
            else if (note is not null)
            {
                ImportFiles.Keep(db, report, ticket.ExternalId, caseId, c.Files, c.CreatedAt);
                db.CaseEvents.Add(note.On(caseId));
                report.Count(report.Created, "note");
            }
        }
        return messages;
    }

    private void Tags(ImportedCase ticket, long caseId, HashSet<string> present)
    {
        var wanted = ticket.Tags.Select(TagName.Normalise).OfType<string>();
        if (ticket.Status == ImportedStatus.OnHold)
        {
            wanted = wanted.Append("on-hold");
        }
        foreach (var name in wanted.Distinct().Where(present.Add))
        {
            db.CaseTags.Add(new CaseTag { CaseId = caseId, Name = name });
        }
    }

    private void Fields(ImportedCase ticket, long caseId, List<FieldValue> present)
    {
        foreach (var (fieldId, raw) in ticket.Fields)
        {
            if (!directory.Fields.TryGetValue(fieldId, out var field))
            {
                report.Refuse("field", $"{ticket.ExternalId}/{fieldId}", "A value for a field the export does not describe.");
                continue;
            }
            var text = ImportFieldValue.Label(field.Imported, raw);
            if (!FieldText.TryNormalise(field.Field, text, out var value, out var problem))
            {
                report.Refuse("field", $"{ticket.ExternalId}/{fieldId}", problem ?? "Not a value of this field.");
                continue;
            }
            if (present.FirstOrDefault(v => v.FieldId == field.Field.Id) is { } kept)
            {
                kept.Value = value;
            }
            else
            {
                db.FieldValues.Add(new FieldValue { FieldId = field.Field.Id, CaseId = caseId, Value = value });
            }
        }
    }

    private static HashSet<string> Seen(ImportedKey key) => [.. (key.Children ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)];

    private static string Version(ImportedCase t) => t.UpdatedAt.UtcDateTime.ToString("O") + "/" + t.Comments.Count;

    private static string Children(IReadOnlyList<ImportedComment> comments) => string.Join(',', comments.Select(c => c.ExternalId));

    private static CaseStatus Status(ImportedStatus status) => status switch
    {
        ImportedStatus.New => CaseStatus.New,
        ImportedStatus.Pending => CaseStatus.WaitingOnCustomer,
        ImportedStatus.Solved => CaseStatus.Resolved,
        ImportedStatus.Closed => CaseStatus.Closed,
        _ => CaseStatus.Open,
    };

    private static string FirstLine(ImportedCase t) =>
        t.Comments.Select(c => c.Text).FirstOrDefault(x => !string.IsNullOrWhiteSpace(x))?.Trim().Split('\n')[0] is { Length: > 0 } line
            ? line[..Math.Min(line.Length, 120)] : "(sans objet)";
}
