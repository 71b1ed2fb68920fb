namespace Guichet.Features.Routing;

/// <summary>Routing and escalation in the server: rules, agents and presence, the leads' queue.</summary>
public static class RoutingWeb
{
    public static void MapRoutingWeb(this GuichetRoutes routes)
    {
        routes.Api.MapRouting().MapEscalations();
        routes.Ui.MapRoutingForms();
    }
}
