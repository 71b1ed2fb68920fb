namespace Guichet.Core.Cases;

/// <summary>CONTRACT POST /api/cases/{id}/messages. Templates and variables arrive with the replies issue.</summary>
public sealed record PostMessageRequest(string? Direction, string? Channel, string? Body, string? TemplateId = null, IReadOnlyDictionary<string, string>? Variables = null);
