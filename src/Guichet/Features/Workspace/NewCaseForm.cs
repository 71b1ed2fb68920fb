namespace Guichet.Features.Workspace;

/// <summary>What an agent types when a customer calls or writes outside Guichet (SPEC P1 via the agent UI).</summary>
public sealed record NewCaseForm(string? Name, string? Salutation, string? Email, string? Language, string? TimeZone, string? Team, string? Channel, string? Subject, string? Body);
