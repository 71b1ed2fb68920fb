using Guichet.Core.Promises;
using Microsoft.Extensions.Localization;

namespace Guichet.Components.Shared;

/// <summary>What a promise is, in the reader's language: the first answer is Guichet's own promise and has a name in each; others say what the agent wrote.</summary>
public static class PromiseName
{
    public static string Of(Promise promise, IStringLocalizer<SharedWords> words) =>
        promise.Kind == PromiseKind.FirstResponse ? words["kind.firstResponse"] : promise.What;
}
