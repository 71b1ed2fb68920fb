using Guichet.Core;
using Guichet.Core.Agents;
using Guichet.Core.Cases;
using Guichet.Core.Customers;
using Guichet.Core.Data;
using Guichet.Core.Promises;
using Guichet.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Simulation;

/// <summary>
/// Replays a strike surge through the same operations the server runs (OpenCase, PostMessage,
/// KeepPromise, ChangeCaseStatus, ApproveCeiling, PromiseWatcher) on a fresh SQLite database
/// with a virtual clock, in 15-minute steps: customers write and write again, agents work the
/// inbox at a fixed rate by priority then due time, a manager answers ceiling requests, and the
/// watcher runs. Deterministic for a seed.
/// </summary>
public sealed class StrikeSimulation(StrikeOptions options)
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(15);

    private readonly Random _random = new(options.Seed ^ 0x5eed);
    private readonly Dictionary<int, long> _caseOf = [];
    private readonly List<StrikeReport.Day> _days = [];
    private AdjustableClock _clock = null!;
    private ServiceProvider _services = null!;
    private List<Agent> _agents = [];
    private Agent _manager = null!;
    private int _contacts;
    private int _joined;

    public async Task<StrikeReport> RunAsync(Action<double>? progress, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("guichet-strike-");
        try
        {
            await SetUpAsync(folder.FullName, ct);
            var plan = StrikePlan.Draw(options);
            var end = options.Start.AddDays(options.Days);
            var next = 0;
            var capacity = new double[options.Agents];
            var dayStart = options.Start;
            for (var t = options.Start; t < end; t += Step)
            {
                while (next < plan.Count && plan[next].At < t + Step)
                {
                    await ContactAsync(plan[next++], ct);
                }
                Advance(t + Step);
                if (!options.Idle)
                {
                    await WorkAsync(capacity, ct);
                    await ApproveCeilingsAsync(ct);
                }
                await WatchAsync(ct);
                if (t + Step - dayStart >= TimeSpan.FromDays(1) || t + Step >= end)
                {
                    _days.Add(await DaySummaryAsync(dayStart, t + Step, ct));
                    dayStart = t + Step;
                }
                progress?.Invoke((t + Step - options.Start) / (end - options.Start));
            }
            return await StrikeReport.ReadAsync(_services, options, _contacts, _joined, _days, _clock.GetUtcNow(), ct);
        }
        finally
        {
            if (_services is not null)
            {
                await _services.DisposeAsync();
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private async Task SetUpAsync(string folder, CancellationToken ct)
    {
        _clock = new AdjustableClock(options.Start);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(_clock);
        services.AddGuichetDatabase(new ServeOptions { DataDir = folder, Disposable = true });
        services.AddGuichetCore();
        _services = services.BuildServiceProvider();
        await DatabaseSetup.PrepareAsync(_services, ct);

        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GuichetDb>();
        var team = await db.Teams.SingleAsync(t => t.IsDefault, ct);
        team.CeilingDays = options.CeilingDays;
        for (var i = 0; i < options.Agents; i++)
        {
            db.Agents.Add(new Agent { Email = $"agent{i}@strike.test", Name = $"Agent {i + 1}", Team = team, Languages = "fr,en", PasswordHash = "x" });
        }
        db.Agents.Add(new Agent { Email = "lead@strike.test", Name = "Chef d'équipe", Role = AgentRole.Lead, Team = team, PasswordHash = "x" });
        db.Agents.Add(new Agent { Email = "manager@strike.test", Name = "Manager", Role = AgentRole.Manager, Team = team, PasswordHash = "x" });
        await db.SaveChangesAsync(ct);
        _agents = await db.Agents.AsNoTracking().Where(a => a.Email.StartsWith("agent")).OrderBy(a => a.Id).ToListAsync(ct);
        _manager = await db.Agents.AsNoTracking().SingleAsync(a => a.Email == "manager@strike.test", ct);
    }

    private void Advance(DateTimeOffset to)
    {
        if (to > _clock.GetUtcNow())
        {
            _clock.Advance(to - _clock.GetUtcNow());
        }
    }

    private async Task ContactAsync(PlannedContact contact, CancellationToken ct)
    {
        if (contact.Repeat && (!_caseOf.TryGetValue(contact.Customer, out var caseId) || !await IsStillWaitingAsync(caseId, ct)))
        {
            // Someone already answered and settled it: the customer has no reason to write again.
            return;
        }
        Advance(contact.At);
        var language = StrikePlan.Language(contact.Customer);
        var request = new OpenCaseRequest(
            new CustomerContact($"Client {contact.Customer}", $"client{contact.Customer}@strike.test", Language: language,
                TimeZone: language == "en" ? "Europe/London" : "Europe/Paris"),
            contact.Channel,
            contact.Repeat ? "Re: " + StrikePlan.Subject(contact.Customer) : StrikePlan.Subject(contact.Customer),
            contact.Repeat ? RepeatBody(contact.Customer) : FirstBody,
            null);
        await using var scope = _services.CreateAsyncScope();
        var outcome = (await scope.ServiceProvider.GetRequiredService<OpenCase>().ContactAsync(request, ct)).OrThrow("Simulation step");
        _caseOf[contact.Customer] = outcome.Case.Id;
        _contacts++;
        if (outcome.Appended)
        {
            _joined++;
        }
    }

    private const string FirstBody = "Mon vol a été annulé à cause de la grève. Je demande le remboursement du billet.";

    /// <summary>Two customers in five who write again tell the whole story again (C5); the others just ask.</summary>
    private static string RepeatBody(int customer) => customer % 5 < 2
        ? "Je vous réexplique : mon vol a été annulé à cause de la grève et je demande le remboursement du billet."
        : "Toujours aucune réponse à ma demande de remboursement.";

    private async Task<bool> IsStillWaitingAsync(long caseId, CancellationToken ct)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GuichetDb>();
        return await db.Cases.Active().AnyAsync(c => c.Id == caseId, ct);
    }

    /// <summary>During business hours each agent handles its rate of cases: commitments falling due first, then new cases by priority and due time.</summary>
    private async Task WorkAsync(double[] capacity, CancellationToken ct)
    {
        var now = _clock.Now();
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GuichetDb>();
        var team = await db.Teams.AsNoTracking().SingleAsync(t => t.IsDefault, ct);
        if (!team.Calendar.IsOpen(now.ToInstant()))
        {
            return;
        }
        var slots = 0;
        for (var i = 0; i < capacity.Length; i++)
        {
            capacity[i] += options.CasesPerAgentHour * Step.TotalHours;
            slots += (int)Math.Floor(capacity[i]);
        }
        if (slots == 0)
        {
            return;
        }
        var soon = now.AddHours(8);
        var commitments = await db.Cases.Where(c => c.Status == CaseStatus.Open && c.NextDueAt != null && c.NextDueAt <= soon)
            .OrderBy(c => c.NextDueAt).ThenBy(c => c.Id).Select(c => c.Id).Take(slots).ToListAsync(ct);
        var fresh = await db.Cases.Where(c => c.Status == CaseStatus.New)
            .OrderByDescending(c => c.Priority).ThenBy(c => c.NextDueAt).ThenBy(c => c.Id).Select(c => c.Id).Take(slots - commitments.Count).ToListAsync(ct);
        var work = commitments.Select(id => (id, commitment: true)).Concat(fresh.Select(id => (id, commitment: false))).ToList();
        var agent = 0;
        foreach (var (id, commitment) in work)
        {
            while (capacity[agent % capacity.Length] < 1)
            {
                agent++;
            }
            capacity[agent % capacity.Length] -= 1;
            await HandleAsync(id, commitment, _agents[agent % _agents.Count], ct);
            agent++;
        }
    }

    private async Task HandleAsync(long caseId, bool commitment, Agent agent, CancellationToken ct)
    {
        await using var scope = _services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<GuichetDb>();
        var actor = await db.Agents.SingleAsync(a => a.Id == agent.Id, ct);
        // Agents answer in the customer's language: the send guard stops anything else (Q3).
        var english = await db.Cases.Where(c => c.Id == caseId).Select(c => c.Customer.Language).SingleAsync(ct) == "en";
        if (commitment)
        {
            var due = await db.Promises.Where(p => p.CaseId == caseId && p.Kind == PromiseKind.Commitment && (p.State == PromiseState.Open || p.State == PromiseState.Renegotiated)).Select(p => p.Id).ToListAsync(ct);
            foreach (var promise in due)
            {
                (await sp.GetRequiredService<KeepPromise>().RunAsync(promise, actor, ct)).OrThrow("Simulation step");
            }
            (await sp.GetRequiredService<PostMessage>().RunAsync(caseId, new PostMessageRequest("out", null, english
                ? "Hello, the refund of your ticket is granted; it will be on your account within five days."
                : "Bonjour, le remboursement de votre billet est accordé ; il sera sur votre compte sous cinq jours."), actor, ct)).OrThrow("Simulation step");
            (await sp.GetRequiredService<ChangeCaseStatus>().RunAsync(caseId, StatusChange.Resolve, actor, ct)).OrThrow("Simulation step");
            return;
        }
        var draw = _random.NextDouble();
        var owner = await db.Cases.Where(c => c.Id == caseId).Select(c => c.OwnerId).SingleAsync(ct);
        if (draw < 0.1 && _agents.FirstOrDefault(a => a.Id != agent.Id && a.Id != owner) is { } colleague)
        {
            // A refund above what front-line agents may grant goes to a colleague who can, with a note (C3, C5).
            (await sp.GetRequiredService<TransferCase>().RunAsync(caseId, null, colleague.Id,
                "Remboursement au-delà de mon plafond : billet et frais annexes, reçus joints par le client.", actor, ct)).OrThrow("Simulation step");
            return;
        }
        if (draw < 0.4)
        {
            // The refund needs a decision: the agent says when, and that becomes a promise (P2).
            (await sp.GetRequiredService<PostMessage>().RunAsync(caseId, new PostMessageRequest("out", null,
                english
                    ? "Hello, I am taking your case. I will give you the decision on the refund within two business days."
                    : "Bonjour, je prends votre dossier. Je vous donne la décision sur le remboursement sous deux jours ouvrés.",
                Promise: new MakePromiseRequest(english ? "Decision on the refund" : "Décision sur le remboursement", DueInBusinessHours: 16)), actor, ct)).OrThrow("Simulation step");
            return;
        }
        (await sp.GetRequiredService<PostMessage>().RunAsync(caseId, new PostMessageRequest("out", null, english
            ? "Hello, your ticket is refunded; the transfer leaves today."
            : "Bonjour, votre billet est remboursé ; le virement part aujourd'hui."), actor, ct)).OrThrow("Simulation step");
        (await sp.GetRequiredService<ChangeCaseStatus>().RunAsync(caseId, StatusChange.Resolve, actor, ct)).OrThrow("Simulation step");
    }

    /// <summary>
    /// The manager reads their alerts and answers every request to go past a ceiling within the
    /// quarter hour, by two more weeks (reading every case for a pending request cost more as the
    /// simulation grew than the answers did).
    /// </summary>
    private async Task ApproveCeilingsAsync(CancellationToken ct)
    {
        await using var scope = _services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<GuichetDb>();
        var alerts = await db.Notifications.Where(n => n.AgentId == _manager.Id && n.ReadAt == null && n.Kind == Core.Notifications.NotificationKind.CeilingApprovalNeeded).ToListAsync(ct);
        if (alerts.Count == 0)
        {
            return;
        }
        foreach (var alert in alerts)
        {
            alert.ReadAt = _clock.GetUtcNow();
        }
        await db.SaveChangesAsync(ct);
        var asked = alerts.Select(n => n.CaseId).Distinct().ToList();
        var waiting = await db.Cases.Where(c => asked.Contains(c.Id) && c.CeilingApprovalRequestedAt != null).Select(c => new { c.Id, c.CeilingAt, c.CeilingApprovedUntil }).ToListAsync(ct);
        var manager = await db.Agents.SingleAsync(a => a.Id == _manager.Id, ct);
        foreach (var c in waiting)
        {
            var from = c.CeilingApprovedUntil is { } approved && approved > c.CeilingAt ? approved : c.CeilingAt;
            var until = from > _clock.Now() ? from.AddDays(14) : _clock.Now().AddDays(14);
            (await sp.GetRequiredService<ApproveCeiling>().RunAsync(c.Id, until, "Grève : prolongation accordée", manager, ct)).OrThrow("Simulation step");
        }
    }

    private async Task WatchAsync(CancellationToken ct)
    {
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PromiseWatcher>().RunDueAsync(ct);
        // Resolved cases get their survey as in production (M1); nobody answers in a simulation.
        await scope.ServiceProvider.GetRequiredService<Core.Surveys.SurveyRounds>().RunDueAsync("https://guichet.invalid", ct);
    }

    private async Task<StrikeReport.Day> DaySummaryAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GuichetDb>();
        var contacts = await db.Messages.CountAsync(m => m.Direction == MessageDirection.In && m.CreatedAt >= from && m.CreatedAt < to, ct);
        var answers = await db.Messages.CountAsync(m => m.Direction == MessageDirection.Out && !m.IsAutomatic && m.CreatedAt >= from && m.CreatedAt < to, ct);
        var notices = await db.PromiseRenegotiations.CountAsync(r => r.At >= from && r.At < to && r.NoticeMessageId != null, ct);
        var waiting = await db.Cases.CountAsync(c => c.Status == CaseStatus.New, ct);
        return new StrikeReport.Day(DateOnly.FromDateTime(from.UtcDateTime), contacts, answers, notices, waiting);
    }

}
