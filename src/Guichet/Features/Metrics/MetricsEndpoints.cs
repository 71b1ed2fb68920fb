using Guichet.Core.Data;
using Guichet.Core.Metrics;

namespace Guichet.Features.Metrics;

public static class MetricsEndpoints
{
    public static RouteGroupBuilder MapMetrics(this RouteGroupBuilder api)
    {
        api.MapGet("/metrics/promises", async (GuichetDb db, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await PromiseCounts.ReadAsync(db, clock, ct)))
            .WithTags("Metrics")
            .WithSummary("Promises open, kept, renegotiated, broken, and silently breached (running past due; target 0, SPEC P6).");
        return api;
    }
}
