namespace Guichet.Features.Audit;

/// <summary>The audit trail in the server: its API (the trail itself is written by a middleware in the pipeline).</summary>
public static class AuditWeb
{
    public static void MapAuditWeb(this GuichetRoutes routes) => routes.Api.MapAudit();
}
