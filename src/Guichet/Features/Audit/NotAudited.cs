namespace Guichet.Features.Audit;

/// <summary>
/// Marks an endpoint whose calls are not lines of the audit trail, for a stated reason. For machine
/// traffic that keeps its own durable record: the email intake writes an InboundEmail row per
/// message (when, what, the outcome), and a line per message in the trail as well would double
/// every write of a mail relay's flow.
/// </summary>
public sealed record NotAudited(string Why);

public static class NotAuditedExtensions
{
    public static TBuilder NotAudited<TBuilder>(this TBuilder builder, string why) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new NotAudited(why));
}
