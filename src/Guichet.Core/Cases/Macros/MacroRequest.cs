namespace Guichet.Core.Cases.Macros;

/// <summary>POST /api/macros: a macro's name, who it is for (me, team, everyone) and its steps, each optional.</summary>
public sealed record MacroRequest(
    string? Name,
    string? Share = null,
    string? Note = null,
    IReadOnlyList<string>? AddTags = null,
    IReadOnlyList<string>? RemoveTags = null,
    string? Priority = null,
    string? AssignTo = null,
    string? PromiseWhat = null,
    double? PromiseInBusinessHours = null,
    string? ReplyTemplate = null,
    string? Status = null);
