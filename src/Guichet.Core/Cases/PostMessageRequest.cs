namespace Guichet.Core.Cases;

/// <summary>
/// CONTRACT POST /api/cases/{id}/messages. A reply may carry the commitment it states
/// (<see cref="Promise"/>: call back, ship, refund, decide…), recorded as a promise owned by the
/// replier and linked to the message (SPEC P2). <see cref="Overrides"/> lists the send guard's
/// warnings the agent checked and sends anyway, with a <see cref="Justification"/> (decision 0014).
/// <see cref="CaseVersion"/> is the case's <c>version</c> the reply answers (W2): when others wrote or
/// acted on the case since, the reply is held (409 naming what changed) until sent again with the new one.
/// </summary>
public sealed record PostMessageRequest(
    string? Direction,
    string? Channel,
    string? Body,
    string? TemplateId = null,
    IReadOnlyDictionary<string, string>? Variables = null,
    Promises.MakePromiseRequest? Promise = null,
    bool Public = false,
    IReadOnlyList<string>? Overrides = null,
    string? Justification = null,
    string? CaseVersion = null);
