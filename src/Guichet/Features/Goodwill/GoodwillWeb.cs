namespace Guichet.Features.Goodwill;

/// <summary>Goodwill in the server: policy, gestures, approvals, budgets and retention, by API and from the workspace.</summary>
public static class GoodwillWeb
{
    public static void MapGoodwillWeb(this GuichetRoutes routes)
    {
        routes.Api.MapGoodwill();
        routes.Ui.MapGoodwillForms();
    }
}
