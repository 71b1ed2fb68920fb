using Guichet.Core.Cases;

namespace Guichet.Core.Imports;

/// <summary>
/// What every source's export is read into before it is written (W10): a reader (Zendesk, Zammad,
/// Freshdesk, CSV) knows its format, <see cref="ImportHistory"/> knows Guichet. Ids are the source's
/// own, as text; a reference to a record the export does not hold (a deleted user) is kept as is
/// and resolved by the writer. A reader yields records in this order: teams, fields,
/// organisations, people, cases, ratings, articles — what a record refers to comes before it.
/// </summary>
public abstract record ImportRecord(string ExternalId);

/// <summary>A group, queue or department.</summary>
public sealed record ImportedTeam(string ExternalId, string Name) : ImportRecord(ExternalId);

/// <summary>A custom ticket field. <paramref name="Options"/>: for a list, the stored value → the label shown.</summary>
public sealed record ImportedField(string ExternalId, string Label, FieldKind Kind, IReadOnlyList<(string Value, string Label)> Options) : ImportRecord(ExternalId);

public enum FieldKind
{
    Text,
    Number,
    Date,
    List,
    /// <summary>Several choices: kept as text, the labels joined by ", ".</summary>
    Multi,
    YesNo,
}

public sealed record ImportedOrganisation(string ExternalId, string Name, IReadOnlyList<string> Domains, string? Notes) : ImportRecord(ExternalId);

/// <summary>A person of the source: an agent (with a role) or a customer.</summary>
public sealed record ImportedPerson(string ExternalId, string Name, bool IsAgent, bool IsAdmin, bool Active,
    IReadOnlyList<string> Emails, IReadOnlyList<string> Phones, string? Language, string? TeamExternalId, IReadOnlyList<string> OrganisationExternalIds)
    : ImportRecord(ExternalId);

public enum ImportedStatus
{
    New,
    Open,
    Pending,
    /// <summary>Waiting on a third party (Zendesk "hold"): open, with the tag "on-hold".</summary>
    OnHold,
    Solved,
    Closed,
}

/// <summary>
/// A ticket with its conversation in order. <paramref name="Fields"/>: field external id → the raw
/// value as the source wrote it (a list's stored value; several joined by '\n').
/// <paramref name="MergedInto"/>: the ticket this one was merged into, closed here.
/// </summary>
public sealed record ImportedCase(string ExternalId, string? Number, string Subject, ImportedStatus Status, CasePriority Priority, Channel Channel,
    string? RequesterExternalId, string? AssigneeExternalId, string? TeamExternalId, string? OrganisationExternalId,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? SolvedAt,
    IReadOnlyList<string> Tags, IReadOnlyDictionary<string, string> Fields, IReadOnlyList<ImportedComment> Comments,
    string? MergedInto = null, IReadOnlyList<string>? Copied = null) : ImportRecord(ExternalId);

/// <summary>
/// One message of the ticket. Public comments of the requester (or any customer) are what they
/// wrote; public comments of an agent are replies; private ones are internal notes.
/// <paramref name="Text"/> may be empty when only <paramref name="Html"/> was given.
/// </summary>
public sealed record ImportedComment(string ExternalId, string? AuthorExternalId, bool Public, string Text, string? Html, DateTimeOffset CreatedAt,
    Channel? Channel, IReadOnlyList<ImportedFile> Files, bool BySystem = false, string? AuthorName = null, string? Cc = null);

/// <summary>
/// A file of a comment. <paramref name="LocalPath"/>: where the export holds its bytes, or null when
/// the export has only its name (the file is listed, its absence reported).
/// </summary>
public sealed record ImportedFile(string ExternalId, string FileName, string ContentType, long Size, string? LocalPath, bool Inline);

/// <summary>A satisfaction rating: <paramref name="Csat"/> 1 to 5 (a good/bad scale gives 5 and 1).</summary>
public sealed record ImportedRating(string ExternalId, string CaseExternalId, int Csat, string? Comment, DateTimeOffset At) : ImportRecord(ExternalId);

public sealed record ImportedArticle(string ExternalId, string Title, string Html, string Language, bool Published, bool Public,
    IReadOnlyList<string> Tags, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt) : ImportRecord(ExternalId);

/// <summary>A record the reader could not use, with why: it is reported, never silently dropped.</summary>
public sealed record RefusedRecord(string Kind, string ExternalId, string Reason) : ImportRecord(ExternalId);
