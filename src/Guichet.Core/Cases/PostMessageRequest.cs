namespace Guichet.Core.Cases;

/// <summary>
/// CONTRACT POST /api/cases/{id}/messages. A reply may carry the commitment it states
/// (<see cref="Promise"/>: call back, ship, refund, decide…), recorded as a promise owned by the
/// replier and linked to the message (SPEC P2). <see cref="Overrides"/> lists the send guard's
/// warnings the agent checked and sends anyway, with a <see cref="Justification"/> (decision 0014).
/// <see cref="CaseVersion"/> is the case's <c>version</c> the reply answers (W2): when others wrote or
/// acted on the case since, the reply is held (409 naming what changed) until sent again with the new one.
/// Files (issue 26): <see cref="Files"/> are ids of files uploaded to the case first (POST
/// /api/cases/{id}/files), <see cref="Attachments"/> ids of files already on the case's messages sent
/// on again (a customer's photo forwarded). <see cref="Cc"/> replaces the people copied on the
/// conversation (absent: the case's, as the customer copied them); <see cref="Bcc"/> is for this reply only.
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
    string? CaseVersion = null,
    IReadOnlyList<long>? Files = null,
    IReadOnlyList<long>? Attachments = null,
    IReadOnlyList<string>? Cc = null,
    IReadOnlyList<string>? Bcc = null);
