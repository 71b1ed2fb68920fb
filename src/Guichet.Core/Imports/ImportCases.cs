using Guichet.Core.Cases;
using Guichet.Core.Cases.Fields;
using Guichet.Core.Cases.Tags;
using Guichet.Core.Data;
using Guichet.Core.Files;
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
    public async Task WriteAsync(IReadOnlyList<ImportedCase> batch, CancellationToken ct)
    {
        var tickets = batch.GroupBy(t => ImportedKey.Normalise(t.ExternalId)).Select(Together).ToList();
        var known = await keys.CasesAsync([.. tickets.Select(t => t.ExternalId)], ct);
        var fresh = tickets.Where(t => !known.ContainsKey(t.ExternalId)).ToList();
        var changed = tickets.Where(t => known.TryGetValue(t.ExternalId, out var k) && k.Version != Version(t)).ToList();
        report.Count(report.Unchanged, "case", tickets.Count - fresh.Count - changed.Count);
        if (keys.DryRun)
        {
            DryRun(fresh, changed, known);
            return;
        }
        if (fresh.Count + changed.Count == 0)
        {
            return;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await people.ResolveAsync([.. fresh, .. changed], ct);
        var now = clock.GetUtcNow();
        await InsertAsync(fresh, now, ct);
        await UpdateAsync(changed, known, now, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// New cases and all that hangs on them, a table at a time in a few statements (keys reserved
    /// first, as the incidents' outreach does): tracking a million tickets' rows one by one cost more than writing them.
    /// </summary>
    private async Task InsertAsync(List<ImportedCase> fresh, DateTimeOffset now, CancellationToken ct)
    {
        if (fresh.Count == 0)
        {
            return;
        }
        var built = fresh.Select(t => Build(t, now)).ToList();
        await using var rows = new ModelRows(db);
        await rows.InsertManyAsync(built.ConvertAll(b => b.Case), ct, keyed: c => c.Reference = Case.FormatReference(c.Id, c.CreatedAt));
        var files = new List<StoredFile>();
        var events = new List<CaseEvent>();
        var tags = new List<CaseTag>();
        var values = new List<FieldValue>();
        var keyRows = new List<ImportedKey>();
        foreach (var b in built)
        {
            var id = b.Case.Id;
            b.Messages.ForEach(m => m.CaseId = id);
            files.AddRange(b.Files.Select(f => { f.CaseId = id; return f; }));
            events.AddRange(b.Notes.Concat(b.Case.Events).Select(e => e.On(id)));
            tags.AddRange(TagNames(b.Ticket, []).Select(name => new CaseTag { CaseId = id, Name = name }));
            values.AddRange(Values(b.Ticket).Select(v => new FieldValue { FieldId = v.FieldId, CaseId = id, Value = v.Value }));
            keyRows.Add(keys.Remember("case", b.Ticket.ExternalId, id, Version(b.Ticket), Children(b.Ticket.Comments)));
            if (b.Ticket.MergedInto is { } target)
            {
                // Kept with the batch, linked once every case is in: an interrupted run links it when it resumes.
                keyRows.Add(keys.Remember("merge", b.Ticket.ExternalId, id, target, null));
            }
        }
        foreach (var file in files)
        {
            // One at a time: their bytes are parameters, not JSON (files are few beside messages).
            await rows.InsertAsync(file, ct);
        }
        var messages = built.SelectMany(b => b.Messages).ToList();
        await rows.InsertManyAsync(messages, ct, keyed: m => m.Attachments.ForEach(a => a.MessageId = m.Id));
        await rows.InsertManyAsync(messages.SelectMany(m => m.Attachments).ToList(), ct);
        await rows.InsertManyAsync(events, ct);
        await rows.InsertManyAsync(built.SelectMany(b => b.Case.Promises).ToList(), ct);
        await rows.InsertManyAsync(tags, ct);
        await rows.InsertManyAsync(values, ct);
        await rows.InsertManyAsync(keyRows, ct);
        report.Count(report.Created, "case", built.Count);
        report.Count(report.Created, "message", messages.Count);
        report.Count(report.Created, "note", built.Sum(b => b.Notes.Count));
    }

    private sealed record Built(ImportedCase Ticket, Case Case, List<Message> Messages, List<CaseEvent> Notes, List<StoredFile> Files);

    /// <summary>A case as the ticket stands, its conversation, counters and (if asked) its promise, before any of it has an id.</summary>
    private Built Build(ImportedCase ticket, DateTimeOffset now)
    {
        var @case = NewCase(ticket, now);
        var (messages, notes, files) = Conversation(ticket, ticket.Comments);
        @case.CountImported(messages);
        @case.Events.Add(CaseEvent.Create(CaseEventKind.Imported, now, null, null, ImportDirectory.Clip(ticket.Number ?? ticket.ExternalId, 200), ImportDirectory.Clip($"{people.SourceName} #{ticket.Number ?? ticket.ExternalId}", 2000)));
        if (promiseOpen && @case.IsActive && @case.CustomerWaitingSince is not null)
        {
            var team = directory.Teams[@case.TeamId];
            var due = team.Calendar.AddBusinessDays(now.ToInstant(), team.FirstResponseBusinessDays).ToUtc();
            Promise.Make(@case, PromiseKind.FirstResponse, OpenCase.FirstResponseWhat, due, null, toConfirm: false, now);
        }
        return new Built(ticket, @case, messages, notes, files);
    }

    /// <summary>
    /// A ticket met more than once in a batch (a later version in an incremental export, a CSV's rows
    /// apart): its last version, with every comment any of them carried.
    /// </summary>
    private static ImportedCase Together(IGrouping<string, ImportedCase> versions)
    {
        var last = versions.Last() with { ExternalId = versions.Key };
        return versions.Count() == 1 ? last
            : last with { Comments = [.. versions.SelectMany(v => v.Comments).GroupBy(c => c.ExternalId).Select(g => g.Last()).OrderBy(c => c.CreatedAt)] };
    }

    private void DryRun(List<ImportedCase> fresh, List<ImportedCase> changed, Dictionary<string, ImportedKey> known)
    {
        foreach (var t in fresh)
        {
            keys.DryCase(t.ExternalId);
            report.Count(report.Created, "case");
            DryComments(t, t.Comments);
        }
        foreach (var t in changed)
        {
            var seen = Seen(known[t.ExternalId]);
            report.Count(report.Updated, "case");
            DryComments(t, [.. t.Comments.Where(c => !seen.Contains(c.ExternalId))]);
        }
    }

    /// <summary>What a dry run can tell without writing: messages and notes counted, values that fit no field and files the export lacks refused.</summary>
    private void DryComments(ImportedCase t, IReadOnlyList<ImportedComment> comments)
    {
        report.Count(report.Created, "message", comments.Count(c => c.Public));
        report.Count(report.Created, "note", comments.Count(c => !c.Public));
        _ = Values(t).Count();
        foreach (var (comment, file) in comments.SelectMany(c => c.Files.Select(f => (c, f))).Where(x => x.f.LocalPath is null))
        {
            report.Refuse("file", $"{t.ExternalId}/{file.ExternalId}", $"'{file.FileName}' is not in the export: the message names it, without its bytes.");
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

    /// <summary>A ticket merged in the source since the last import: linked at the end like the others.</summary>
    private async Task MergeLaterAsync(long caseId, string ticket, string target, CancellationToken ct)
    {
        if (!await db.ImportedKeys.AnyAsync(k => k.Source == report.Source && k.Kind == "merge" && k.ExternalId == ticket, ct))
        {
            db.ImportedKeys.Add(keys.Remember("merge", ticket, caseId, target, null));
        }
    }

    private async Task UpdateAsync(List<ImportedCase> changed, Dictionary<string, ImportedKey> known, DateTimeOffset now, CancellationToken ct)
    {
        if (changed.Count == 0)
        {
            return;
        }
        var ids = changed.Select(t => known[t.ExternalId].LocalId).ToList();
        var cases = await db.Cases.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        // Only what the counters need, not the bodies.
        var messages = (await db.Messages.AsNoTracking().Where(m => ids.Contains(m.CaseId))
            .Select(m => new Message { CaseId = m.CaseId, Direction = m.Direction, Kind = m.Kind, IsAutomatic = m.IsAutomatic, CreatedAt = m.CreatedAt, Body = "", AuthorName = "" })
            .ToListAsync(ct)).ToLookup(m => m.CaseId);
        var erased = (await db.Cases.Where(c => ids.Contains(c.Id) && c.Customer.ErasedAt != null).Select(c => c.Id).ToListAsync(ct)).ToHashSet();
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
            if (erased.Contains(@case.Id))
            {
                report.Refuse("ticket", t.ExternalId, "Its customer was erased in Guichet: nothing of theirs is brought back.");
                continue;
            }
            var team = directory.Teams.GetValueOrDefault(keys.Find("team", t.TeamExternalId) ?? 0) ?? directory.Teams.GetValueOrDefault(@case.TeamId) ?? directory.DefaultTeam;
            @case.UpdateImported(team, Status(t.Status), t.Priority, people.AgentFor(t.AssigneeExternalId), t.UpdatedAt, t.SolvedAt);
            var seen = Seen(key);
            var (added, notes, files) = Conversation(t, [.. t.Comments.Where(c => !seen.Contains(c.ExternalId))]);
            added.ForEach(m => m.CaseId = @case.Id);
            db.Messages.AddRange(added);
            db.CaseEvents.AddRange(notes.Select(n => n.On(@case.Id)));
            db.Files.AddRange(files.Select(f => { f.CaseId = @case.Id; return f; }));
            report.Count(report.Created, "message", added.Count);
            report.Count(report.Created, "note", notes.Count);
            @case.CountImported(messages[@case.Id].Concat(added));
            db.CaseTags.AddRange(TagNames(t, [.. tags[@case.Id]]).Select(name => new CaseTag { CaseId = @case.Id, Name = name }));
            var present = values[@case.Id].ToDictionary(v => v.FieldId);
            foreach (var (fieldId, value) in Values(t))
            {
                if (present.TryGetValue(fieldId, out var kept))
                {
                    kept.Value = value;
                }
                else
                {
                    db.FieldValues.Add(new FieldValue { FieldId = fieldId, CaseId = @case.Id, Value = value });
                }
            }
            key.Version = Version(t);
            key.Children = string.Join(',', seen.Union(t.Comments.Select(c => c.ExternalId)));
            if (t.MergedInto is { } target)
            {
                await MergeLaterAsync(@case.Id, t.ExternalId, target, ct);
            }
            report.Count(report.Updated, "case");
        }
    }

    /// <summary>The comments as messages (what the customer and the agents said) and notes (what agents wrote for each other), with their files.</summary>
    private (List<Message> Messages, List<CaseEvent> Notes, List<StoredFile> CaseFiles) Conversation(ImportedCase ticket, IReadOnlyList<ImportedComment> comments)
    {
        var messages = new List<Message>();
        var notes = new List<CaseEvent>();
        var files = new List<StoredFile>();
        foreach (var c in comments.OrderBy(c => c.CreatedAt))
        {
            var (message, note) = people.Said(ticket, c);
            var stored = ImportFiles.Read(report, ticket.ExternalId, c.Files, c.CreatedAt);
            if (message is not null)
            {
                var part = 0;
                message.Attachments.AddRange(stored.Select(f => new Attachment { FileName = f.FileName, ContentType = f.ContentType, Size = f.Size, File = f, Part = part++ }));
                messages.Add(message);
            }
            else if (note is not null)
            {
                notes.Add(note);
            }
            // A note carries no attachment of its own: its files are kept on the case.
            files.AddRange(stored);
        }
        return (messages, notes, files);
    }

    private static IEnumerable<string> TagNames(ImportedCase ticket, HashSet<string> present)
    {
        var wanted = ticket.Tags.Select(TagName.Normalise).OfType<string>();
        if (ticket.Status == ImportedStatus.OnHold)
        {
            wanted = wanted.Append("on-hold");
        }
        return wanted.Distinct().Where(present.Add);
    }

    /// <summary>The ticket's field values as Guichet stores them; one that does not fit its field is refused.</summary>
    private IEnumerable<(long FieldId, string Value)> Values(ImportedCase ticket)
    {
        // Two fields of the source may be one here (the same label): the first value given is kept.
        var given = new HashSet<long>();
        foreach (var (fieldId, raw) in ticket.Fields)
        {
            if (!directory.Fields.TryGetValue(fieldId, out var field))
            {
                report.Refuse("field", $"{ticket.ExternalId}/{fieldId}", "A value for a field the export does not describe.");
                continue;
            }
            if (!FieldText.TryNormalise(field.Field, ImportFieldValue.Label(field.Imported, raw), out var value, out var problem))
            {
                report.Refuse("field", $"{ticket.ExternalId}/{fieldId}", problem ?? "Not a value of this field.");
                continue;
            }
            if (given.Add(field.Field.Id))
            {
                yield return (field.Field.Id, value);
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
