using Guichet.Features.Permissions;
namespace Guichet.Features.Metrics;

/// <summary>The dashboard's scripts: Chart.js (vendored, see Resources/dashboard/THIRD-PARTY.md) and the few lines that draw each chart.</summary>
public static class DashboardAssets
{
    public static WebApplication MapDashboardAssets(this WebApplication app)
    {
        app.MapGet("/dashboard/chart.umd.min.js", () => Script("Guichet.Resources.dashboard.chart.umd.min.js")).RequireAuthorization(Access.Oversee).ExcludeFromDescription();
        app.MapGet("/dashboard/dashboard.js", () => Script("Guichet.Resources.dashboard.dashboard.js")).RequireAuthorization(Access.Oversee).ExcludeFromDescription();
        return app;
    }

    private static IResult Script(string name) =>
        TypedResults.Stream(typeof(DashboardAssets).Assembly.GetManifestResourceStream(name)!, "text/javascript; charset=utf-8");
}
