using System.Globalization;
using System.Text;
using Guichet.Core.Cases;
using Guichet.Core.Chat;
using Guichet.Core.Data;
using Guichet.Core.Email;
using Guichet.Core.Portal;
using Guichet.Core.Promises;
using Guichet.Core.Replies;
using Guichet.Core.Social;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Guichet.Core.Journeys;

/// <summary>
/// Runs the test journeys (SPEC M5) on the clock: starts those due, through the same operation
/// a real customer's contact goes through, then checks each run when its time comes. Every run
/// is a new synthetic customer at an address in the reserved .invalid domain, so nothing is ever
/// delivered to them and no two runs share a case. Their cases are marked as tests, shown to
/// agents as such, left out of every figure, and closed when the run is judged.
/// </summary>
public sealed class RunJourneys(GuichetDb db, TimeProvider clock, IServiceProvider services, ILogger<RunJourneys> logger)
{
    public const string Domain = "tests.guichet.invalid";
    public const int BatchSize = 20;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    public sealed record Pass(int Started, int Judged);

    public async Task<Pass> RunDueAsync(string publicBaseUrl, CancellationToken ct)
    {
        var now = clock.Now();
        var due = await db.TestJourneys.Where(j => j.Enabled && j.NextRunAt <= now).OrderBy(j => j.NextRunAt).Select(j => new { j.Id, j.EveryMinutes }).Take(BatchSize).ToListAsync(ct);
        var started = 0;
        foreach (var journey in due)
        {
            // Claimed by moving its schedule on: of several servers, one starts the run.
            var next = now.AddMinutes(journey.EveryMinutes);
            var claimed = await db.TestJourneys.Where(j => j.Id == journey.Id && j.NextRunAt <= now)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.NextRunAt, next), ct);
            if (claimed > 0)
            {
                await StartAsync(journey.Id, publicBaseUrl, ct, scheduled: true);
                started++;
            }
        }
        var checks = await db.JourneyRuns.Where(r => r.CheckAt <= now).OrderBy(r => r.CheckAt).Select(r => r.Id).Take(BatchSize).ToListAsync(ct);
        var judged = 0;
        foreach (var id in checks)
        {
            // Claimed by a lease: another server skips it; a crash leaves it to be checked again after the lease.
            var lease = now + Lease;
            if (await db.JourneyRuns.Where(r => r.Id == id && r.CheckAt <= now).ExecuteUpdateAsync(s => s.SetProperty(r => r.CheckAt, lease), ct) > 0)
            {
                await CheckAsync(id, ct);
                judged++;
            }
        }
        if (started + judged > 0)
        {
            logger.LogInformation("Test journeys: {Started} started, {Checked} checked", started, judged);
        }
        return new Pass(started, judged);
    }

    /// <summary>Starts one run now, whatever its schedule (the "run now" button); the schedule moves on from here.</summary>
    public async Task<Result<JourneyRun>> StartAsync(long journeyId, string publicBaseUrl, CancellationToken ct, bool scheduled = false)
    {
        var journey = await db.TestJourneys.Include(j => j.Team).FirstOrDefaultAsync(j => j.Id == journeyId, ct);
        if (journey is null)
        {
            return Failure.NotFound("id", $"There is no test journey {journeyId}.");
        }
        var now = clock.Now();
        if (!scheduled)
        {
            // Run now: the schedule moves on from here. (A scheduled run moved it when it claimed the journey.)
            journey.NextRunAt = journey.Enabled ? now.AddMinutes(journey.EveryMinutes) : null;
        }
        var run = JourneyRun.Start(journey, now);
        db.JourneyRuns.Add(run);
        await db.SaveChangesAsync(ct);

        // The case and its mark commit together: no reader ever sees a test journey's case as a customer's.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var opened = await ContactAsync(journey, run.Id, publicBaseUrl, ct);
        db.ChangeTracker.Clear();
        run = await db.JourneyRuns.Include(r => r.Journey).FirstAsync(r => r.Id == run.Id, ct);
        if (!opened.Succeeded)
        {
            run.Finish([new("start", string.Join(" ", opened.Failure!.Errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))))], null, now);
        }
        else
        {
            var @case = await db.Cases.FirstAsync(c => c.Id == opened.Value, ct);
            @case.MarkAsTestJourney();
            run.Opened(@case);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return run;
    }

    /// <summary>The synthetic customer writes through the channel's own door; the case it lands in.</summary>
    private async Task<Result<long>> ContactAsync(TestJourney journey, long runId, string publicBaseUrl, CancellationToken ct)
    {
        var address = $"journey{journey.Id}.run{runId}@{Domain}";
        var name = $"Parcours test {runId.ToString(CultureInfo.InvariantCulture)}";
        switch (journey.Channel)
        {
            case Channel.Email:
                var to = journey.Team?.MailAddress;
                var raw = Encoding.UTF8.GetBytes(
                    $"From: \"{name}\" <{address}>\r\nTo: {to ?? "support@" + Domain}\r\nSubject: {journey.Subject}\r\n" +
                    $"Message-ID: <run{runId}.{journey.Id}@{Domain}>\r\nDate: {clock.GetUtcNow():R}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{journey.Body}\r\n");
                // Addressed to the team's mailbox, the intake routes it as it routes every mail; without one, the team is named.
                var receipt = await services.GetRequiredService<ReceiveEmail>().RunAsync(raw, to is null ? journey.Team?.Slug : null, ct);
                return receipt.CaseId is { } caseId && receipt.Outcome is InboundOutcome.Created or InboundOutcome.Appended
                    ? caseId
                    : Failure.Invalid("email", $"The intake did not open a case: {receipt.Outcome.ToWire()}.");
            case Channel.Portal:
                var form = await services.GetRequiredService<ContactFromPortal>().RunAsync(new PortalContact(name, address, journey.Language, journey.Subject, journey.Body), publicBaseUrl, ct);
                return form.Succeeded ? form.Value.CaseId : form.Failure!;
            case Channel.Social:
                var social = await services.GetRequiredService<ReceiveSocialEvent>().RunAsync("tests",
                    new SocialEvent($"journey-{runId}", "message", null, new SocialAuthor($"run{runId}", name), journey.Body, null, clock.GetUtcNow()), ct);
                return social.Succeeded && social.Value.Post.CaseId is { } socialCase ? socialCase : social.Succeeded ? Failure.Invalid("social", "The post opened no case.") : social.Failure!;
            case Channel.Chat:
                var chat = await services.GetRequiredService<ChatConversation>().SendAsync($"journey-{journey.Id}-run-{runId}-visitor-token", name, journey.Language, journey.Body, ct);
                return chat.Succeeded ? chat.Value.CaseId : chat.Failure!;
            default:
                return Failure.Invalid("channel", $"A test journey cannot use {journey.Channel.ToWire()}.");
        }
    }

    private async Task CheckAsync(long runId, CancellationToken ct)
    {
        var now = clock.Now();
        var run = await db.JourneyRuns.Include(r => r.Journey).FirstAsync(r => r.Id == runId, ct);
        var @case = run.CaseId is { } caseId ? await db.FindCaseAsync(caseId, ct) : null;
        if (@case is null)
        {
            run.Finish([new("start", "The run's case is gone.")], null, now);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            return;
        }
        var facts = await FactsAsync(run, @case, ct);
        if (run.AnswerDueAt is not { } answerDue)
        {
            var findings = JourneyCheck.AtAcknowledgment(facts);
            var firstResponse = @case.Promises.Where(p => p.Kind == PromiseKind.FirstResponse).MinBy(p => p.CreatedAt);
            if (findings.Count > 0 || firstResponse is null)
            {
                Judge(run, @case, findings.Count > 0 ? findings : [new("P1.acknowledgment", "No first-response promise on the case.")], facts, now);
            }
            else
            {
                run.Acknowledged(JourneyCheck.AcknowledgmentOf(facts)!.At, FirstDue(firstResponse));
            }
        }
        else
        {
            Judge(run, @case, JourneyCheck.AtAnswer(facts, answerDue), facts, now);
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static void Judge(JourneyRun run, Case @case, List<JourneyCheck.Finding> findings, JourneyCheck.Facts facts, DateTimeOffset now)
    {
        run.Finish(findings, facts.FirstAnsweredAt, now);
        @case.CloseTestJourney(run.State == JourneyRunState.Passed ? "test journey passed" : "test journey failed", now);
    }

    private async Task<JourneyCheck.Facts> FactsAsync(JourneyRun run, Case @case, CancellationToken ct)
    {
        var outgoing = await db.Messages.AsNoTracking().Where(m => m.CaseId == @case.Id && m.Direction == MessageDirection.Out)
            .Select(m => new { m.Kind, m.IsAutomatic, m.CreatedAt, m.Body, Due = m.Promise == null ? (DateTimeOffset?)null : m.Promise.Renegotiations.OrderBy(r => r.At).Select(r => (DateTimeOffset?)r.OldDueAt).FirstOrDefault() ?? m.Promise.DueAt })
            .ToListAsync(ct);
        var redirects = await db.CaseEvents.CountAsync(e => e.CaseId == @case.Id && e.Kind == CaseEventKind.RedirectedElsewhere, ct);
        var language = Customers.CustomerLanguage.ToWriteIn(@case.Customer.Language);
        return new JourneyCheck.Facts(run.AckDeadline,
            outgoing.Select(m => new JourneyCheck.Sent(m.Kind, m.IsAutomatic, m.CreatedAt, m.Body,
                m.Due is { } due && Acknowledgment.StatesDate(m.Body, due, language, @case.Customer.TimeZone, m.CreatedAt, @case.Team.TimeZone))).ToList(),
            redirects, @case.FirstAnsweredAt);
    }

    // The date the acknowledgment stated: before any renegotiation moved it.
    private static DateTimeOffset FirstDue(Promise promise) => promise.Renegotiations.OrderBy(r => r.At).Select(r => (DateTimeOffset?)r.OldDueAt).FirstOrDefault() ?? promise.DueAt;
}
