using Guichet.Core.Agents;
using Guichet.Core.Cases;
using Guichet.Core.Customers;
using Guichet.Core.Data;
using Guichet.Core.Goodwill;
using Guichet.Core.Replies;
using Guichet.Core.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Guichet.Core.Incidents;

/// <summary>One line of an incident's list of affected customers; <see cref="Paid"/> is what they paid, for a refund share.</summary>
public sealed record AffectedCustomer(string? Email, string? Name, string? Language = null, string? Tier = null, decimal? Paid = null)
{
    /// <summary>Why a line of a file could not be read as a customer (a price that is not a number), in plain words.</summary>
    public string? Unreadable { get; init; }
}

/// <summary>What one list did: reached now, reached before (idempotent), and the lines refused with why.</summary>
public sealed record ReachOutcome(long ListId, int Lines, int Reached, int AlreadyReached, int OnExistingCases, int RefusedCount, IReadOnlyList<string> Refused);

/// <summary>
/// Reaches an incident's affected customers before they complain (SPEC G3). Each one is found or
/// created; the gesture goes on their open case about it if they already wrote, else on a new
/// case settled as it opens. The policy computes the gesture, the ledger records it, and one
/// apology with the gesture leaves through the send guard and the outbox. A customer is reached
/// once per incident, however many lists name them (a unique row per incident and customer).
/// The list streams in batches, each one transaction, written with reused commands and no change
/// tracking (decision 0019): memory does not grow with the list, and progress is saved per batch.
/// </summary>
public sealed class ReachAffected(GuichetDb db, ModelRows rows, TimeProvider clock, ILogger<ReachAffected> logger)
{
    public const int Batch = 1000;

    public async Task<Result<ReachOutcome>> RunAsync(long incidentId, IAsyncEnumerable<AffectedCustomer> list, Agent actor, string source,
        Action<IncidentList>? progress = null, CancellationToken ct = default)
    {
        var incident = await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == incidentId, ct);
        if (incident is null)
        {
            return Failure.NotFound("id", $"There is no incident {incidentId}.");
        }
        var reach = new Reach(incident, await db.Teams.AsNoTracking().FirstAsync(t => t.Id == incident.TeamId, ct),
            await db.CompensationRules.AsNoTracking().ToListAsync(ct), actor);
        // One connection for the whole list: the reused commands live on it.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (db.Database.IsSqlite())
            {
                // A list grows the indexes by gigabytes: 128 MB of page cache for this connection keeps their hot pages.
                await rows.ExecuteAsync("PRAGMA cache_size = -131072", ct);
            }
            return await RunOpenAsync(reach, list, source, progress, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<ReachOutcome> RunOpenAsync(Reach reach, IAsyncEnumerable<AffectedCustomer> list, string source, Action<IncidentList>? progress, CancellationToken ct)
    {
        var record = new IncidentList { IncidentId = reach.Incident.Id, Source = source, SentBy = reach.Actor.Name, StartedAt = clock.GetUtcNow() };
        await rows.InsertAsync(record, ct);
        var refused = new List<string>();
        var batch = new List<AffectedCustomer>(Batch);
        try
        {
            await foreach (var row in list.WithCancellation(ct))
            {
                record.Lines++;
                if (Refusal(row) is { } why)
                {
                    record.RefusedCount++;
                    if (refused.Count < IncidentList.RefusedKept)
                    {
                        refused.Add($"line {record.Lines}: {why}");
                    }
                    continue;
                }
                batch.Add(row);
                if (batch.Count == Batch)
                {
                    await ReachBatchAsync(reach, batch, record, refused, ct);
                    progress?.Invoke(record);
                    batch.Clear();
                }
            }
            await ReachBatchAsync(reach, batch, record, refused, ct);
            record.FinishedAt = clock.GetUtcNow();
        }
        catch (Exception e)
        {
            // What was committed stays (sending the list again reaches only the others); the list says where it stopped.
            record.FinishedAt = clock.GetUtcNow();
            record.Error = e is OperationCanceledException ? "Stopped before the end of the list (the upload was cut or the server stopped)." : $"Stopped by an error: {e.GetType().Name}.";
            logger.LogError(e, "Incident {IncidentId}: list {ListId} stopped after {Lines} lines", reach.Incident.Id, record.Id, record.Lines);
            await rows.UpdateAsync(record, CancellationToken.None);
            throw;
        }
        await rows.UpdateAsync(record, ct);
        progress?.Invoke(record);
        return new ReachOutcome(record.Id, record.Lines, record.Reached, record.AlreadyReached, record.OnExistingCases, record.RefusedCount, refused);
    }

    /// <summary>A CSV list (<see cref="AffectedCsv"/>); a file that cannot be read at all is recorded as a list that stopped, with why.</summary>
    public async Task<Result<ReachOutcome>> RunCsvAsync(long incidentId, TextReader csv, Agent actor, string source, Action<IncidentList>? progress = null, CancellationToken ct = default)
    {
        var opened = AffectedCsv.Open(csv);
        if (opened.Succeeded)
        {
            return await RunAsync(incidentId, opened.Value, actor, source, progress, ct);
        }
        if (await db.Incidents.AnyAsync(i => i.Id == incidentId, ct))
        {
            var now = clock.GetUtcNow();
            var why = string.Join(" ", opened.Failure!.Errors.SelectMany(e => e.Value));
            db.IncidentLists.Add(new IncidentList { IncidentId = incidentId, Source = source, SentBy = actor.Name, StartedAt = now, FinishedAt = now, Error = why });
            await db.SaveChangesAsync(ct);
        }
        return opened.Failure!;
    }

    private static string? Refusal(AffectedCustomer row)
    {
        if (row.Unreadable is { } unreadable)
        {
            return unreadable;
        }
        var errors = new ValidationErrors();
        new CustomerContact(row.Name, row.Email, Language: row.Language, Tier: row.Tier).Validate(errors, "customer");
        if (string.IsNullOrWhiteSpace(row.Email))
        {
            errors.Add("customer.email", "An affected customer needs an email address.");
        }
        if (row.Paid is < 0)
        {
            errors.Add("paid", "What the customer paid cannot be negative.");
        }
        return errors.Any ? string.Join(" ", errors.ToFailure().Errors.SelectMany(e => e.Value)) : null;
    }

    /// <summary>One transaction; if another list reached one of these customers meanwhile, it is rolled back and played again, skipping them.</summary>
    private async Task ReachBatchAsync(Reach reach, List<AffectedCustomer> batch, IncidentList record, List<string> refused, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var before = (record.Reached, record.AlreadyReached, record.OnExistingCases);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                await ReachEachAsync(reach, batch, record, ct);
                record.Refused = string.Join('\n', refused);
                await rows.UpdateAsync(record, ct);
                await tx.CommitAsync(ct);
                return;
            }
            catch (Exception e) when (UniqueViolation.Is(e) && attempt < 3)
            {
                await tx.RollbackAsync(ct);
                (record.Reached, record.AlreadyReached, record.OnExistingCases) = before;
            }
        }
    }

    /// <summary>
    /// A batch in a few statements per table: who is known, who was reached, their open cases about
    /// this and their history are read for the whole batch; the rows are written table by table.
    /// </summary>
    private async Task ReachEachAsync(Reach reach, List<AffectedCustomer> batch, IncidentList record, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var lines = new List<(AffectedCustomer Row, string Email)>(batch.Count);
        var addresses = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in batch)
        {
            var email = CustomerContact.NormaliseEmail(row.Email!) ?? row.Email!.Trim();
            if (addresses.Add(email))
            {
                lines.Add((row, email));
            }
            else
            {
                record.AlreadyReached++;
            }
        }
        var known = await KnownAsync(reach, [.. lines.Select(l => l.Email)], now, ct);
        var newCustomers = new List<Customer>();
        var newIdentities = new List<CustomerIdentity>();
        var targets = new List<Target>(lines.Count);
        var seen = new HashSet<long>();
        foreach (var (row, email) in lines)
        {
            if (known.Customers.TryGetValue(email, out var customer))
            {
                if (known.Reached.Contains(customer.Id) || !seen.Add(customer.Id))
                {
                    record.AlreadyReached++;
                    continue;
                }
                if (row.Tier is { } tier && tier.Trim() != customer.Tier)
                {
                    customer.Tier = tier.Trim();
                    await rows.ExecuteAsync("""UPDATE "Customers" SET "Tier" = @p0 WHERE "Id" = @p1""", ct, customer.Tier, customer.Id);
                }
            }
            else
            {
                customer = new Customer
                {
                    Name = row.Name!.Trim(),
                    Language = string.IsNullOrWhiteSpace(row.Language) ? CustomerLanguage.Default : row.Language.Trim().ToLowerInvariant(),
                    TimeZone = reach.Team.TimeZone,
                    Tier = string.IsNullOrWhiteSpace(row.Tier) ? Customer.DefaultTier : row.Tier.Trim(),
                    CreatedAt = now,
                };
                newCustomers.Add(customer);
                newIdentities.Add(new CustomerIdentity { Kind = IdentityKind.Email, Value = email });
            }
            targets.Add(new Target(row, email, customer));
        }
        await rows.InsertManyAsync(newCustomers, ct);
        for (var i = 0; i < newCustomers.Count; i++)
        {
            newIdentities[i].CustomerId = newCustomers[i].Id;
        }
        await rows.InsertManyAsync(newIdentities, ct);

        // A customer who already wrote about it gets the gesture on their own case: one problem, one case (C1).
        var outreach = new List<Case>();
        foreach (var target in targets)
        {
            if (known.OpenCases.TryGetValue(target.Customer.Id, out var open))
            {
                target.Case = open;
                target.OnExisting = true;
            }
            else
            {
                target.Case = Case.Outreach(reach.Team, target.Customer, reach.Incident.Title, reach.Incident.Kind, now);
                outreach.Add(target.Case);
            }
        }
        await rows.InsertManyAsync(outreach, ct, keyed: c => c.Reference = Case.FormatReference(c.Id, now));

        var entries = new List<GoodwillEntry>(targets.Count);
        var messages = new List<Message>(targets.Count);
        var events = new List<(CaseEvent Event, long CaseId)>(targets.Count);
        foreach (var target in targets)
        {
            var @case = target.Case!;
            // The customer's cases of this kind in the last year, the new one included.
            var recurrence = Math.Max(1, known.Recurrence.GetValueOrDefault(target.Customer.Id) + (target.OnExisting ? 0 : 1));
            var rule = CompensationPolicy.Decide(reach.Rules, target.Customer.Tier, reach.Incident.Kind, recurrence);
            var amount = CompensationPolicy.AmountOf(rule, target.Row.Paid, reach.Team.Currency) ?? 0;
            var composed = db.TemplateBook.Automatic(ShippedTemplates.IncidentApology,
                new TemplateFacts(target.Customer, reach.Team, now.ToInstant())
                {
                    Reference = @case.Reference,
                    Subject = @case.Subject,
                    Channel = Channel.Email,
                    IncidentTitle = reach.Incident.Title,
                    GestureText = IncidentGesture.Text(rule.Gesture, new Money(amount, reach.Team.Currency), CustomerLanguage.ToWriteIn(target.Customer.Language)),
                },
                GuardContext.For(target.Customer) with { CarriesPromise = true });
            @case.RecordRefusedTemplate(ShippedTemplates.IncidentApology, composed, now);
            @case.Events.Add(CaseEvent.Create(CaseEventKind.Goodwill, now, reach.Actor, null, GoodwillStatus.Granted.ToWire(), $"Incident « {reach.Incident.Title} »: {rule.Describe()}"));
            events.AddRange(@case.Events.Select(e => (e, @case.Id)));
            entries.Add(new GoodwillEntry
            {
                CaseId = @case.Id,
                AgentId = reach.Actor.Id,
                TeamId = reach.Team.Id,
                Gesture = rule.Gesture,
                AmountMinor = amount,
                Currency = reach.Team.Currency,
                Reason = $"Incident: {reach.Incident.Title}",
                PolicyRule = rule.Describe(),
                Status = GoodwillStatus.Granted,
                At = now,
                Month = reach.Month(now),
            });
            messages.Add(new Message
            {
                CaseId = @case.Id,
                Direction = MessageDirection.Out,
                Kind = MessageKind.IncidentApology,
                Channel = Channel.Email,
                Body = composed.Body,
                AuthorName = reach.Team.Name,
                IsAutomatic = true,
                CreatedAt = now,
            });
        }
        await rows.InsertManyAsync(entries, ct);
        // Made before the messages are written: the outbox gives each its Message-ID, which the customer's reply will cite (H1).
        List<OutboxMessage> deliveries = [.. targets.Select((t, i) => Outbox.Create(t.Case!, messages[i], now, recipient: t.Email))];
        await rows.InsertManyAsync(messages, ct);
        await rows.InsertManyAsync(deliveries, ct);
        var caseOf = events.ToDictionary(e => e.Event, e => e.CaseId, (IEqualityComparer<CaseEvent>)ReferenceEqualityComparer.Instance);
        await rows.InsertManyAsync([.. events.Select(e => e.Event)], ct, set: e => [("CaseId", caseOf[e])]);
        await rows.InsertManyAsync([.. targets.Select(t => new IncidentRecipient { IncidentId = reach.Incident.Id, CustomerId = t.Customer.Id, CaseId = t.Case!.Id, At = now, OnExistingCase = t.OnExisting })], ct);
        record.Reached += targets.Count;
        record.OnExistingCases += targets.Count(t => t.OnExisting);
    }

    /// <summary>What the database knows of a batch's addresses: their customers, who was reached already, their open cases about this kind, their history of it.</summary>
    private async Task<Known> KnownAsync(Reach reach, List<object> emails, DateTimeOffset now, CancellationToken ct)
    {
        var emailKind = rows.Stored<CustomerIdentity>(nameof(CustomerIdentity.Kind), IdentityKind.Email);
        var owners = await rows.QueryInAsync("""SELECT "Value", "CustomerId" FROM "CustomerIdentities" WHERE "Kind" = @p0 AND "Value" IN ({in})""",
            emails, r => (Email: r.GetString(0), Id: r.GetInt64(1)), ct, emailKind);
        if (owners.Count == 0)
        {
            return new Known([], [], [], []);
        }
        var customers = (await rows.FindManyAsync<Customer>([.. owners.Select(o => o.Id).Distinct()], ct)).ToDictionary(c => c.Id);
        List<object> ids = [.. customers.Keys.Select(id => (object)id)];
        var reached = (await rows.QueryInAsync("""SELECT "CustomerId" FROM "IncidentRecipients" WHERE "IncidentId" = @p0 AND "CustomerId" IN ({in})""", ids, r => r.GetInt64(0), ct, reach.Incident.Id)).ToHashSet();
        object[] active = [.. new[] { CaseStatus.New, CaseStatus.Open, CaseStatus.WaitingOnCustomer }.Select(s => rows.Stored<Case>(nameof(Case.Status), s))];
        var open = new Dictionary<long, Case>();
        var openIds = await rows.QueryInAsync(
            """SELECT "Id" FROM "Cases" WHERE "Category" = @p0 AND "Status" IN (@p1, @p2, @p3) AND "CustomerId" IN ({in})""",
            ids, r => r.GetInt64(0), ct, reach.Incident.Kind, active[0], active[1], active[2]);
        foreach (var @case in (await rows.FindManyAsync<Case>(openIds, ct)).OrderByDescending(c => c.Id))
        {
            open.TryAdd(@case.CustomerId, @case);
        }
        var since = rows.Stored<Case>(nameof(Case.CreatedAt), now.AddDays(-CompensationPolicy.RecurrenceDays));
        var recurrence = (await rows.QueryInAsync("""SELECT "CustomerId", COUNT(*) FROM "Cases" WHERE "Category" = @p0 AND "CreatedAt" >= @p1 AND "CustomerId" IN ({in}) GROUP BY "CustomerId" """,
            ids, r => (Id: r.GetInt64(0), Count: r.GetInt32(1)), ct, reach.Incident.Kind, since)).ToDictionary(r => r.Id, r => r.Count);
        var byEmail = owners.Where(o => customers.ContainsKey(o.Id)).GroupBy(o => o.Email).ToDictionary(g => g.Key, g => customers[g.First().Id], StringComparer.Ordinal);
        return new Known(byEmail, reached, open, recurrence);
    }

    private sealed record Known(Dictionary<string, Customer> Customers, HashSet<long> Reached, Dictionary<long, Case> OpenCases, Dictionary<long, int> Recurrence);

    /// <summary>One customer of the batch on their way: the case they get it on, and whether they had opened it.</summary>
    private sealed class Target(AffectedCustomer row, string email, Customer customer)
    {
        public AffectedCustomer Row { get; } = row;
        public string Email { get; } = email;
        public Customer Customer { get; } = customer;
        public Case? Case { get; set; }
        public bool OnExisting { get; set; }
    }

    /// <summary>What every line of one list shares, read once.</summary>
    private sealed record Reach(Incident Incident, Team Team, List<CompensationRule> Rules, Agent Actor)
    {
        public string Month(DateTimeOffset now) => GrantGoodwill.MonthOf(now, Team);
    }
}
