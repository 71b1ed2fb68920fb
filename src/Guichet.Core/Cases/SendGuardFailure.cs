using Guichet.Core.Replies;

namespace Guichet.Core.Cases;

public static class SendGuardFailure
{
    /// <summary>A reply the send guard stopped: every reason at once, under "body" (SPEC Q4).</summary>
    /// <param name="overridable">Warning codes the team lets agents send anyway; each is marked so the agent knows.</param>
    public static Failure From(IReadOnlyList<GuardReason> reasons, IReadOnlySet<string>? overridable = null)
    {
        var errors = new Dictionary<string, string[]>
        {
            ["body"] = reasons.Select(r => $"{r.Code}: {r.Message}{(!r.Blocking && overridable?.Contains(r.Code) == true ? " (you may send anyway: list it in overrides with a justification)" : "")}").ToArray(),
        };
        // When nothing blocks, the codes the agent may send anyway: the workspace offers them as checkboxes.
        if (reasons.All(r => !r.Blocking) && overridable is not null && reasons.All(r => overridable.Contains(r.Code)))
        {
            errors[OverridableKey] = reasons.Select(r => r.Code).ToArray();
        }
        return new Failure(FailureKind.Refused, errors, Title)
        {
            Sayings = [.. reasons.Select(r => new Saying("guard." + r.Code, r.Args))],
        };
    }

    public const string OverridableKey = "overrides";

    public const string Title = "The send guard stopped this reply";
}
