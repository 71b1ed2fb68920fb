using Guichet.Core.Customers;
using Guichet.Core.Data;
using Guichet.Core.Promises;
using Guichet.Core.Replies;
using Guichet.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Cases;

/// <summary>
/// Opens a case from a customer's contact and, in the same transaction, gives it its
/// first-response promise and the acknowledgment that states its date (SPEC P1, P2, P7).
/// A known customer writing again about the matter of an active case (the same subject once
/// Re:/Fwd: are stripped, or the same matter by content: <see cref="SameMatter"/>) adds to that
/// case instead, the reason an event on it: one problem, one case (C1). When unsure, the new case
/// and the open one both say "perhaps the same matter".
/// </summary>
public sealed class OpenCase(GuichetDb db, TimeProvider clock)
{
    public const string FirstResponseWhat = "First answer from a person";

    /// <summary>The case, and whether this contact opened it or joined it as a follow-up.</summary>
    public sealed record Outcome(Case Case, Message Message, bool Appended);

    public async Task<Result<Case>> RunAsync(OpenCaseRequest request, CancellationToken ct = default)
    {
        var outcome = await ContactAsync(request, ct);
        return outcome.Succeeded ? outcome.Value.Case : outcome.Failure!;
    }

    public async Task<Result<Outcome>> ContactAsync(OpenCaseRequest request, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var channel = Validate(request, errors);
        var team = await FindTeamAsync(request.Team, errors, ct);
        if (errors.Any)
        {
            return errors;
        }

        var now = clock.Now();
        // Joins the caller's transaction when there is one (the email intake commits its raw record with the case).
        await using var tx = await db.OwnTransactionAsync(ct);
        // Without a stated language, the one they wrote in is the best guess of the one to answer in (Q3).
        var contact = request.Customer!.Language is null ? request.Customer with { Language = LanguageGuess.Of(request.Body!) } : request.Customer;
        var customer = await FindOrAddCustomer.RunAsync(db, contact, team!.TimeZone, now, ct);
        var matter = customer.Id == 0 ? null : await SameMatterAsync(customer, request, ct);
        if (matter is ({ } open, { Link: MatterLink.Same } joined))
        {
            var existing = (await db.FindCaseAsync(open.Id, ct))!;
            var followUp = await CustomerWrites.RecordAsync(db, existing, channel, request.Body!, customer.Name, request.InternetMessageId, now, ct);
            existing.Events.Add(MatterEvents.Joined(joined.Why!.Value, joined.Evidence, now));
            await db.SaveChangesAsync(ct);
            await tx.CommitIfOwnAsync(ct);
            return new Outcome(existing, followUp, Appended: true);
        }
        var rules = await db.RoutingRules.AsNoTracking().ToListAsync(ct);
        var teams = rules.Count > 0 || !team.Speaks(CustomerLanguage.ToWriteIn(customer.Language)) ? await db.Teams.ToListAsync(ct) : [team];
        var crises = customer.PostalCode is null ? [] : await Incidents.DeclareCrisis.NotEndedAsync(db, ct);
        var (@case, first) = await Routing.NewContact.OpenAsync(db, customer, channel, request.Subject!.Trim(), request.Body!, request.InternetMessageId,
            team, request.Team is not null, rules, teams, crises, now, ct);
        db.Cases.Add(@case);
        await db.SaveChangesAsync(ct);

        @case.Reference = Case.FormatReference(@case.Id, now);
        if (matter is ({ } maybe, { Link: MatterLink.Perhaps } perhaps))
        {
            @case.Events.Add(MatterEvents.Perhaps(maybe.Reference, perhaps.Evidence, now));
            db.CaseEvents.Add(MatterEvents.Perhaps(@case.Reference, perhaps.Evidence, now).On(maybe.Id));
        }
        Acknowledge.FirstContact(db, @case, now, request.FollowLink, request.FirstResponseBusinessHours);
        await db.SaveChangesAsync(ct);
        await tx.CommitIfOwnAsync(ct);
        return new Outcome(@case, first, Appended: false);
    }

    /// <summary>The customer's open case this contact is about, by subject or by content (C1), or a "perhaps".</summary>
    private async Task<(SameMatter.OpenCase Case, MatterVerdict Verdict)?> SameMatterAsync(Customers.Customer customer, OpenCaseRequest request, CancellationToken ct)
    {
        var (open, assets) = await OpenMatters.ReadAsync(db, customer.Id, ct);
        return open.Count == 0 ? null : SameMatter.Choose(open, request.Subject!, request.Body!, assets, [customer.Name]);
    }

    private static Channel Validate(OpenCaseRequest request, ValidationErrors errors)
    {
        if (request.Customer is null)
        {
            errors.Add("customer", "The customer is required: at least their name.");
        }
        else
        {
            request.Customer.Validate(errors, "customer");
        }
        var channel = Channel.Api;
        if (request.Channel is not null && !WireNames.TryParseWire(request.Channel, out channel))
        {
            errors.Add("channel", $"'{request.Channel}' is not a channel; use one of: {string.Join(", ", Enum.GetValues<Channel>().Select(c => c.ToWire()))}.");
        }
        if (string.IsNullOrWhiteSpace(request.Subject))
        {
            errors.Add("subject", "The subject is required.");
        }
        else if (request.Subject.Length > OpenCaseRequest.MaxSubjectLength)
        {
            errors.Add("subject", $"The subject is longer than {OpenCaseRequest.MaxSubjectLength} characters.");
        }
        if (string.IsNullOrWhiteSpace(request.Body))
        {
            errors.Add("body", "The message body is empty.");
        }
        else if (request.Body.Length > OpenCaseRequest.MaxBodyLength)
        {
            errors.Add("body", $"The message body is longer than {OpenCaseRequest.MaxBodyLength} characters.");
        }
        return channel;
    }

    private async Task<Team?> FindTeamAsync(string? slug, ValidationErrors errors, CancellationToken ct)
    {
        var team = await db.Teams.Receiving(slug).FirstOrDefaultAsync(ct);
        if (team is null)
        {
            errors.Add("team", slug is null ? "No team exists yet to receive the case." : $"There is no team '{slug}'.");
        }
        return team;
    }
}
