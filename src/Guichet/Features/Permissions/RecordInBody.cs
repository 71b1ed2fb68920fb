namespace Guichet.Features.Permissions;

/// <summary>
/// What an endpoint says of a record id it takes in its body (issue 21): whose record it is
/// (<see cref="Target"/>, checked by the operation with the same rule as a route's record,
/// <see cref="CaseInViewHandler"/>), or why it is not anyone's team's (<see cref="NotTeamBound"/>).
/// The authorisation matrix test reads every id-like field of every request and fails on one
/// that declares nothing, so a new body field naming a case cannot slip through.
/// </summary>
public sealed record RecordInBody(string Field, CaseInViewHandler.Target? Target, string? NotTeamBound = null);

public static class RecordInBodyMetadata
{
    /// <summary>This body field names a record of <paramref name="target"/>'s kind; the operation checks it is in the caller's view.</summary>
    public static TBuilder NamesInBody<TBuilder>(this TBuilder builder, string field, CaseInViewHandler.Target target) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RecordInBody(field, target));

    /// <summary>This body field names something that belongs to no team (a person, a template, a page to go back to), and why.</summary>
    public static TBuilder NamesInBody<TBuilder>(this TBuilder builder, string field, string notTeamBound) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RecordInBody(field, null, notTeamBound));
}
