namespace Guichet.Hosting.Web;

/// <summary>An API write that takes no body (keep a promise, mark alerts read): said, so a check can tell it from one that forgot to declare its body.</summary>
public sealed class NoBody
{
    public static readonly NoBody Instance = new();
}

public static class NoBodyMetadata
{
    public static TBuilder TakesNoBody<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(NoBody.Instance);
}
