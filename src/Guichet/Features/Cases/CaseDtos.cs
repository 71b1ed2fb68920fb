using Guichet.Core.Cases;
using Guichet.Core.Customers;
using Guichet.Core.Promises;

namespace Guichet.Features.Cases;

public sealed record TeamRef(long Id, string Slug, string Name);
public sealed record AgentRef(long Id, string Name, string Email);

public sealed record CustomerDto(long Id, string Name, string? Salutation, string Language, string TimeZone, string[] Emails, string[] Phones, string Tier = Customer.DefaultTier)
{
    public static CustomerDto From(Customer c) => new(
        c.Id, c.Name, c.Salutation, c.Language, c.TimeZone,
        c.Identities.Where(i => i.Kind == IdentityKind.Email).Select(i => i.Value).ToArray(),
        c.Identities.Where(i => i.Kind == IdentityKind.Phone).Select(i => i.Value).ToArray(), c.Tier);
}

public sealed record RenegotiationDto(DateTimeOffset OldDueAt, DateTimeOffset NewDueAt, DateTimeOffset At, long? NoticeMessageId);

public sealed record PromiseDto(
    long Id, long CaseId, string Kind, string What, DateTimeOffset DueAt, string State, AgentRef? Owner,
    bool ToConfirm, DateTimeOffset CreatedAt, DateTimeOffset? SettledAt, bool SilentlyBreached, RenegotiationDto[] Renegotiations,
    DateTimeOffset? OwnerAlertAt, DateTimeOffset? NoticeAt)
{
    public static PromiseDto From(Promise p, DateTimeOffset now) => new(
        p.Id, p.CaseId, p.Kind.ToWire(), p.What, p.DueAt, p.State.ToWire(),
        p.Owner is null ? null : new AgentRef(p.Owner.Id, p.Owner.Name, p.Owner.Email),
        p.ToConfirm, p.CreatedAt, p.SettledAt, p.SilentBreach || p.IsSilentlyBreached(now),
        p.Renegotiations.OrderBy(r => r.At).Select(r => new RenegotiationDto(r.OldDueAt, r.NewDueAt, r.At, r.NoticeMessageId ?? r.NoticeMessage?.Id)).ToArray(),
        p.IsActive && p.OwnerAlertedAt is null ? p.OwnerAlertAt : null, p.IsActive ? p.NoticeAt : null);
}

/// <summary>
/// A message on the case. <c>Cc</c> and <c>Bcc</c> list who else the mail went to; <c>ThirdParty</c> is
/// set on a side conversation (kinds sideOut and sideIn), which the customer never sees.
/// </summary>
public sealed record MessageDto(long Id, string Direction, string Kind, string Channel, string Body, DateTimeOffset CreatedAt, string Author, long? AuthorId, bool Automatic, long? PromiseId, AttachmentDto[] Attachments, bool Public,
    string[]? Cc = null, string[]? Bcc = null, string? ThirdParty = null)
{
    public static MessageDto From(Message m) => new(
        m.Id, m.Direction.ToWire(), m.Kind.ToWire(), m.Channel.ToWire(), m.Body, m.CreatedAt, m.AuthorName, m.AuthorId, m.IsAutomatic, m.PromiseId ?? m.Promise?.Id,
        m.Attachments.OrderBy(a => a.Id).Select(a => new AttachmentDto(a.Id, a.FileName, a.ContentType, a.Size, $"/api/attachments/{a.Id}")).ToArray(), m.IsPublic,
        m.Cc is null ? null : [.. CopiedPeople.Parse(m.Cc)], m.Bcc is null ? null : [.. CopiedPeople.Parse(m.Bcc)], m.ThirdParty);
}

/// <summary>A file on a message; <c>Url</c> downloads it, and its id sends it on with a reply (<c>attachments</c>).</summary>
public sealed record AttachmentDto(long Id, string FileName, string ContentType, long Size, string Url);

public sealed record EventDto(long Id, string Kind, DateTimeOffset At, string Actor, string? From, string? To, string? Detail)
{
    public static EventDto Of(CaseEvent e) => new(e.Id, e.Kind.ToWire(), e.At, e.ActorName, e.From, e.To, e.Detail);
}

public sealed record CaseDto(
    long Id, string Reference, string Status, string Subject, string Channel, string Priority,
    TeamRef Team, AgentRef? Owner, CustomerDto Customer, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    DateTimeOffset? NextDueAt, int ContactCount, DateTimeOffset CeilingAt, DateTimeOffset? CeilingApprovedUntil,
    PromiseDto[] Promises, MessageDto[] Messages, EventDto[] Events, MessageDto? Acknowledgment, DateTimeOffset? FirstAnsweredAt = null,
    EscalationDto? Escalation = null, int ReExplanations = 0, int Transfers = 0, string Origin = "contact",
    DateTimeOffset? CustomerWaitingSince = null, string Version = "m0e0", IReadOnlyList<string>? Tags = null,
    IReadOnlyDictionary<string, string>? CustomFields = null)
{
    public static CaseDto From(Case c, DateTimeOffset now, Message? acknowledgment = null) => new(
        c.Id, c.Reference, c.Status.ToWire(), c.Subject, c.Channel.ToWire(), c.Priority.ToWire(),
        new TeamRef(c.Team.Id, c.Team.Slug, c.Team.Name),
        c.Owner is null ? null : new AgentRef(c.Owner.Id, c.Owner.Name, c.Owner.Email),
        CustomerDto.From(c.Customer), c.CreatedAt, c.UpdatedAt, c.NextDueAt, c.ContactCount, c.CeilingAt, c.CeilingApprovedUntil,
        c.Promises.OrderBy(p => p.DueAt).Select(p => PromiseDto.From(p, now)).ToArray(),
        c.Messages.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Select(MessageDto.From).ToArray(),
        c.Events.OrderBy(e => e.At).ThenBy(e => e.Id).Select(EventDto.Of).ToArray(),
        acknowledgment is null ? null : MessageDto.From(acknowledgment), c.FirstAnsweredAt,
        EscalationDto.Of(c), c.ReExplanations, c.Transfers, c.Origin.ToWire(), c.CustomerWaitingSince,
        CaseVersion.Format(c.Messages.Select(m => m.Id).DefaultIfEmpty().Max(), c.Events.Select(e => e.Id).DefaultIfEmpty().Max()),
        [.. c.Tags.Select(t => t.Name).Order(StringComparer.Ordinal)]);
}

/// <summary>Who the case was put to (lead or manager), when and why (SPEC E1, E2); null when it was not.</summary>
public sealed record EscalationDto(string Level, DateTimeOffset? At, string? Reason, IReadOnlyList<string> Codes)
{
    public static EscalationDto? Of(Case c) => c.Escalation == Core.Routing.EscalationLevel.None ? null
        : new(c.Escalation.ToWire(), c.EscalatedAt, c.EscalationReason, c.EscalationCodes.Split(',', StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>A line of the case list: enough to triage without the whole timeline.</summary>
public sealed record CaseSummaryDto(
    long Id, string Reference, string Status, string Subject, string Channel, string Priority,
    TeamRef Team, AgentRef? Owner, long CustomerId, string CustomerName, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    DateTimeOffset? NextDueAt, int ContactCount, DateTimeOffset? CustomerWaitingSince = null, IReadOnlyList<string>? Tags = null,
    IReadOnlyDictionary<string, string>? CustomFields = null);

public sealed record Page<T>(T[] Items, int PageNumber, int PageSize, int Total)
{
    /// <summary>The 1-based page number, as the "page" query parameter gives it.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("page")]
    public int PageNumber { get; init; } = PageNumber;

    /// <summary>The cursor of the next page (pass it as <c>after=</c>); null when this page is the last (issue 25).</summary>
    public string? Next { get; init; }

    /// <summary>False when the total is not exact (issue 29, decision 0041): a long case list's last count, made before its latest change and being made again; a long promise list's first 10,000.</summary>
    public bool TotalExact { get; init; } = true;
}
