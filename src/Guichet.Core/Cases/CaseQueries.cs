using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Cases;

public static class CaseQueries
{
    /// <summary>A case with everything an operation on it may touch, for change tracking.</summary>
    public static Task<Case?> FindCaseAsync(this GuichetDb db, long id, CancellationToken ct) =>
        db.Cases
            .Include(c => c.Team)
            .Include(c => c.Owner)
            .Include(c => c.Customer).ThenInclude(c => c.Identities)
            .Include(c => c.Promises).ThenInclude(p => p.Renegotiations)
            .Include(c => c.Promises).ThenInclude(p => p.Owner)
            .AsSplitQuery()
            .FirstOrDefaultAsync(c => c.Id == id, ct);

    /// <summary>A case with its whole history (messages and their files, events, promises), read only: the case page and the API.</summary>
    public static Task<Case?> LoadCaseForReadingAsync(this GuichetDb db, long id, CancellationToken ct) =>
        db.Cases.AsNoTracking()
            .Include(c => c.Team)
            .Include(c => c.Owner)
            .Include(c => c.Customer).ThenInclude(c => c.Identities)
            .Include(c => c.Messages).ThenInclude(m => m.Attachments)
            .Include(c => c.Events)
            .Include(c => c.Promises).ThenInclude(p => p.Renegotiations)
            .Include(c => c.Promises).ThenInclude(p => p.Owner)
            .Include(c => c.Tags)
            .AsSplitQuery()
            .FirstOrDefaultAsync(c => c.Id == id, ct);

    /// <summary>Cases still being handled: new, open or waiting on the customer (<see cref="Case.IsActive"/> in SQL).</summary>
    public static IQueryable<Case> Active(this IQueryable<Case> cases) =>
        cases.Where(c => c.Status == CaseStatus.New || c.Status == CaseStatus.Open || c.Status == CaseStatus.WaitingOnCustomer);

    /// <summary>
    /// The active case most recently touched of whoever owns this identity (a phone number, a social
    /// account, a chat visitor), optionally on one channel: where their next contact belongs (C1).
    /// </summary>
    public static Task<long?> LatestActiveCaseIdAsync(this GuichetDb db, Customers.IdentityKind kind, string value, Channel? channel, CancellationToken ct) =>
        db.Cases.Active()
            .Where(c => (channel == null || c.Channel == channel) && c.Customer.Identities.Any(i => i.Kind == kind && i.Value == value))
            .OrderByDescending(c => c.UpdatedAt).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct);

    public static Failure CaseNotFound(long id) => Failure.NotFound("id", $"There is no case {id}.");
}
