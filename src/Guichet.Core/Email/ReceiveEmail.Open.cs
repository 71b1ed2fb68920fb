using Microsoft.EntityFrameworkCore;
using Guichet.Core.Cases;
using Guichet.Core.Customers;
using Guichet.Core.Teams;

namespace Guichet.Core.Email;

/// <summary>
/// The open step: a new case for a new matter, with its promise and the dated acknowledgment (P1),
/// through the same rules as every door (<see cref="Routing.NewContact"/>, <see cref="Acknowledge"/>).
/// The case and all it holds are written by <see cref="Data.ModelRows.InsertDependentsAsync"/>
/// from the EF model, as EF Core would write them: nothing of a new case is listed by hand here.
/// </summary>
public sealed partial class ReceiveEmail
{
    private async Task<Outcome> OpenAsync(IncomingMail mail, long? knownCustomer, string subject, Team receiving, bool teamNamed, DateTimeOffset now, CancellationToken ct)
    {
        var customer = knownCustomer is { } id ? await rows.FindAsync<Customer>(id, ct) : null;
        var isNew = customer is null;
        if (customer is null)
        {
            // The language they wrote in is the best guess of the language to answer in (Q3).
            customer = new Customer { Name = Cut(mail.Name, CustomerContact.MaxNameLength)!, TimeZone = receiving.TimeZone, Language = mail.Language ?? CustomerLanguage.Default, CreatedAt = now };
            await rows.InsertAsync(customer, ct);
        }
        // The address they wrote from: stored for a new customer, and where the acknowledgment goes either way.
        var address = new CustomerIdentity { CustomerId = customer.Id, Kind = IdentityKind.Email, Value = mail.Address! };
        if (isNew)
        {
            await rows.InsertAsync(address, ct);
            // Writing from an organisation's domain makes them one of its people (W12).
            var domain = mail.Address![(mail.Address!.LastIndexOf('@') + 1)..];
            if (await db.OrganisationDomains.AsNoTracking().Where(d => d.Domain == domain).Select(d => (long?)d.OrganisationId).FirstOrDefaultAsync(ct) is { } organisation)
            {
                // Two keys, no id of its own: written as it is, in the intake's transaction.
                await db.Database.ExecuteSqlInterpolatedAsync($"INSERT INTO \"Memberships\" (\"OrganisationId\", \"CustomerId\") VALUES ({organisation}, {customer.Id})", ct);
            }
        }
        customer.Identities.Add(address);

        var (@case, first) = await Routing.NewContact.OpenAsync(db, customer, Channel.Email, Cut(subject, OpenCaseRequest.MaxSubjectLength)!, Cut(mail.Text, OpenCaseRequest.MaxBodyLength)!,
            mail.MessageId, receiving, teamNamed, await RulesAsync(ct), await TeamsAsync(ct), customer.PostalCode is null ? [] : await CrisesAsync(ct), now, ct, mail.Fresh);
        first.HasHtml = mail.HasHtml;
        await CopyAsync(@case, mail, ct);
        // The reference is made of the id: the row first, then the acknowledgment that quotes it.
        await rows.InsertAsync(@case, ct);
        @case.Reference = Case.FormatReference(@case.Id, now);
        var (_, delivery) = Acknowledge.Write(db, @case, now);
        await rows.UpdateAsync(@case, ct);
        await rows.InsertDependentsAsync(@case, ct);
        await rows.InsertAsync(delivery, ct);
        return new Outcome(InboundOutcome.Created, @case.Id, first.Id, null);
    }

    /// <summary>C1, unsure: the new case and the open one each say "perhaps the same matter as" the other.</summary>
    private async Task PerhapsAsync(Outcome opened, SameMatter.OpenCase open, MatterVerdict perhaps, DateTimeOffset now, CancellationToken ct)
    {
        var created = opened.CaseId!.Value;
        var reference = (await rows.QueryAsync("""SELECT "Reference" FROM "Cases" WHERE "Id" = @p0""", r => r.GetString(0), ct, created))[0];
        await rows.InsertAsync(MatterEvents.Perhaps(open.Reference, perhaps.Evidence, now), ct, ("CaseId", created));
        await rows.InsertAsync(MatterEvents.Perhaps(reference, perhaps.Evidence, now), ct, ("CaseId", open.Id));
    }
}
