namespace Guichet.Core.Cases.Tags;

/// <summary>CONTRACT extension, POST /api/cases/{id}/tags: tags to add and to remove, in one change.</summary>
public sealed record TagCaseRequest(IReadOnlyList<string>? Add, IReadOnlyList<string>? Remove);
