using Guichet.Core.Agents;
using Guichet.Core.Cases;
using Guichet.Core.Customers;
using Guichet.Core.Data;
using Guichet.Core.Goodwill;
using Guichet.Core.Replies;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Incidents;

/// <summary>One line of an incident's list of affected customers; <see cref="Paid"/> is what they paid, for a refund share.</summary>
public sealed record AffectedCustomer(string? Email, string? Name, string? Language = null, string? Tier = null, decimal? Paid = null);

/// <summary>What one pass over a list did: reached now, reached before (idempotent), and the lines refused with why.</summary>
public sealed record ReachOutcome(int Reached, int AlreadyReached, int OnExistingCases, IReadOnlyList<string> Refused);

/// <summary>
/// Reaches an incident's affected customers before they complain (SPEC G3). Each one is found or
/// created; the gesture goes on their open case about it if they already wrote, else on a new
/// case. The policy computes the gesture, the ledger records it, and one apology with the gesture
/// leaves through the send guard and the outbox. A customer is reached once per incident, however
/// many lists name them. The list streams in batches: memory does not grow with it.
/// </summary>
public sealed class ReachAffected(GuichetDb db, TimeProvider clock)
{
    public const int Batch = 200;

    public async Task<Result<ReachOutcome>> RunAsync(long incidentId, IAsyncEnumerable<AffectedCustomer> list, Agent actor, Action<int>? progress = null, CancellationToken ct = default)
    {
        var incident = await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == incidentId, ct);
        if (incident is null)
        {
            return Failure.NotFound("id", $"There is no incident {incidentId}.");
        }
        var rules = await db.CompensationRules.AsNoTracking().ToListAsync(ct);
        var done = (await db.IncidentRecipients.Where(r => r.IncidentId == incidentId).Select(r => r.CustomerId).ToListAsync(ct)).ToHashSet();
        int reached = 0, already = 0, existing = 0, line = 0;
        var refused = new List<string>();
        var batch = new List<AffectedCustomer>(Batch);
        await foreach (var row in list.WithCancellation(ct))
        {
            line++;
            var errors = new ValidationErrors();
            var contact = new CustomerContact(row.Name, row.Email, Language: row.Language, Tier: row.Tier);
            contact.Validate(errors, "customer");
            if (row.Email is null)
            {
                errors.Add("customer.email", "An affected customer needs an email address.");
            }
            if (errors.Any)
            {
                if (refused.Count < 100)
                {
                    refused.Add($"line {line}: {string.Join(" ", errors.ToFailure().Errors.SelectMany(e => e.Value))}");
                }
                continue;
            }
            batch.Add(row);
            if (batch.Count == Batch)
            {
                (reached, already, existing) = Add((reached, already, existing), await ReachBatchAsync(incident, batch, rules, done, actor, ct));
                progress?.Invoke(reached + already);
                batch.Clear();
            }
        }
        if (batch.Count > 0)
        {
            (reached, already, existing) = Add((reached, already, existing), await ReachBatchAsync(incident, batch, rules, done, actor, ct));
            progress?.Invoke(reached + already);
        }
        return new ReachOutcome(reached, already, existing, refused);
    }

    private static (int, int, int) Add((int, int, int) a, (int, int, int) b) => (a.Item1 + b.Item1, a.Item2 + b.Item2, a.Item3 + b.Item3);

    private async Task<(int Reached, int Already, int Existing)> ReachBatchAsync(Incident incident, List<AffectedCustomer> rows, List<CompensationRule> rules, HashSet<long> done, Agent actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var team = await db.Teams.FirstAsync(t => t.Id == incident.TeamId, ct);
        int reached = 0, already = 0, existing = 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var row in rows)
        {
            var customer = await FindOrAddCustomer.RunAsync(db, new CustomerContact(row.Name, row.Email, Language: row.Language, Tier: row.Tier), team.TimeZone, now, ct);
            if (customer.Id != 0 && done.Contains(customer.Id))
            {
                already++;
                continue;
            }
            if (customer.Id == 0)
            {
                await db.SaveChangesAsync(ct);
            }
            // A customer who already wrote about it gets the gesture on their own case: one problem, one case (C1).
            var @case = await db.Cases.Include(c => c.Team).Include(c => c.Customer).Include(c => c.Promises)
                .Where(c => c.CustomerId == customer.Id && c.Category == incident.Kind).Active()
                .OrderByDescending(c => c.Id).FirstOrDefaultAsync(ct);
            var onExisting = @case is not null;
            if (@case is null)
            {
                @case = Case.Open(team, customer, incident.Title, Channel.Email, now);
                @case.Category = incident.Kind;
                db.Cases.Add(@case);
                await db.SaveChangesAsync(ct);
                @case.Reference = Case.FormatReference(@case.Id, now);
            }
            var rule = CompensationPolicy.Decide(rules, customer.Tier, incident.Kind, await CompensationPolicy.RecurrenceAsync(db, customer.Id, incident.Kind, now, ct));
            var amount = CompensationPolicy.AmountOf(rule, row.Paid, team.Currency) ?? 0;
            var gestureText = GestureText(rule.Gesture, new Money(amount, team.Currency), CustomerLanguage.ToWriteIn(customer.Language));
            db.GoodwillEntries.Add(new GoodwillEntry
            {
                CaseId = @case.Id,
                AgentId = actor.Id,
                TeamId = team.Id,
                Gesture = rule.Gesture,
                AmountMinor = amount,
                Currency = team.Currency,
                Reason = $"Incident: {incident.Title}",
                PolicyRule = rule.Describe(),
                Status = GoodwillStatus.Granted,
                At = now,
                Month = GrantGoodwill.MonthOf(now, team),
            });
            var composed = db.TemplateBook.Automatic(ShippedTemplates.IncidentApology,
                TemplateFacts.Of(@case, now.ToInstant()) with { IncidentTitle = incident.Title, GestureText = gestureText },
                GuardContext.For(customer) with { CarriesPromise = true });
            @case.RecordRefusedTemplate(ShippedTemplates.IncidentApology, composed, now);
            var message = new Message
            {
                Direction = MessageDirection.Out,
                Kind = MessageKind.IncidentApology,
                Channel = Channel.Email,
                Body = composed.Body,
                AuthorName = team.Name,
                IsAutomatic = true,
                CreatedAt = now,
            };
            @case.Messages.Add(message);
            @case.Events.Add(CaseEvent.Create(CaseEventKind.Goodwill, now, actor, null, GoodwillStatus.Granted.ToWire(), $"Incident « {incident.Title} »: {rule.Describe()}"));
            db.Outbox.Add(Outbox.Create(@case, message, now));
            db.IncidentRecipients.Add(new IncidentRecipient { IncidentId = incident.Id, CustomerId = customer.Id, CaseId = @case.Id, At = now, OnExistingCase = onExisting });
            done.Add(customer.Id);
            reached++;
            existing += onExisting ? 1 : 0;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return (reached, already, existing);
    }

    private static string GestureText(GestureKind gesture, Money amount, string language) => (gesture, language) switch
    {
        (GestureKind.Apology, "en") => "We are truly sorry for the inconvenience.",
        (GestureKind.Apology, _) => "Nous sommes sincèrement désolés de ce désagrément.",
        (GestureKind.Points, "en") => $"{amount.Minor} points have been added to your account.",
        (GestureKind.Points, _) => $"{amount.Minor} points ont été ajoutés à votre compte.",
        (GestureKind.Credit, "en") => $"A credit of {amount} has been added to your account.",
        (GestureKind.Credit, _) => $"Un avoir de {amount} est crédité sur votre compte.",
        (_, "en") => $"A refund of {amount} is on its way to you.",
        _ => $"Un remboursement de {amount} vous est versé.",
    };
}
