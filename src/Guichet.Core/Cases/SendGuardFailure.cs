using Guichet.Core.Replies;

namespace Guichet.Core.Cases;

public static class SendGuardFailure
{
    /// <summary>A reply the send guard stopped: every reason at once, under "body" (SPEC Q4).</summary>
    public static Failure From(IReadOnlyList<GuardReason> reasons) => new(
        FailureKind.Refused,
        new Dictionary<string, string[]> { ["body"] = reasons.Select(r => $"{r.Code}: {r.Message}").ToArray() },
        Title);

    public const string Title = "The send guard stopped this reply";
}
