using Guichet.Core;
using Guichet.Features.Admin;
using Guichet.Features.Audit;
using Guichet.Features.Cases;
using Guichet.Features.Chat;
using Guichet.Features.Customers;
using Guichet.Features.Email;
using Guichet.Features.Goodwill;
using Guichet.Features.Incidents;
using Guichet.Features.Journeys;
using Guichet.Features.Live;
using Guichet.Features.Knowledge;
using Guichet.Features.Metrics;
using Guichet.Features.Notifications;
using Guichet.Features.Permissions;
using Guichet.Features.Phone;
using Guichet.Features.Promises;
using Guichet.Features.Routing;
using Guichet.Features.SignIn;
using Guichet.Features.Social;
using Guichet.Features.Surveys;
using Guichet.Features.Teams;
using Guichet.Features.Templates;

namespace Guichet.Hosting;

/// <summary>Builds the one server: the plumbing, then each feature's services and routes, on the database the options name.</summary>
public static class GuichetHost
{
    public static WebApplication Build(ServeOptions options)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.AddGuichetPlumbing(options);
        var services = builder.Services;
        // The composition root is the one place that reads the wall clock; everything else asks this.
#pragma warning disable RS0030 // the composition root: a test clock starts at the wall clock's time unless told otherwise
        services.AddSingleton<TimeProvider>(options.TestClock ? new AdjustableClock(options.TestClockStart ?? DateTimeOffset.UtcNow) : TimeProvider.System);
#pragma warning restore RS0030
        services.AddGuichetCore();
        // Due work runs by stage (IDueWork); within one, in this order.
        services.AddEmailWeb(options).AddIncidentsWeb().AddPromisesWeb().AddSurveysWeb().AddCasesWeb().AddJourneysWeb().AddMetricsWeb().AddKnowledgeWeb().AddChatWeb().AddLiveWeb(options);
        Features.Webhooks.WebhooksWeb.AddWebhooksWeb(services);
        Features.Automations.AutomationsWeb.AddAutomationsWeb(services);
        Features.Imports.ImportsWeb.AddImportsWeb(services);

        var app = builder.Build();
        app.UseGuichetPipeline();
        var routes = app.MapGuichetRoutes();
        routes.MapSignInWeb();
        routes.MapCasesWeb();
        routes.MapPromisesWeb();
        routes.MapEmailWeb();
        routes.MapCustomersWeb();
        routes.MapPermissionsWeb();
        routes.MapAuditWeb();
        routes.MapMetricsWeb();
        routes.MapSurveysWeb();
        routes.MapJourneysWeb();
        routes.MapNotificationsWeb();
        routes.MapTeamsWeb();
        routes.MapPhoneWeb();
        routes.MapSocialWeb();
        routes.MapTemplatesWeb();
        routes.MapKnowledgeWeb();
        routes.MapRoutingWeb();
        routes.MapIncidentsWeb();
        routes.MapGoodwillWeb();
        routes.MapChatWeb();
        Features.Portal.PortalFiles.MapPortalWeb(routes);
        Features.Webhooks.WebhooksWeb.MapWebhooksWeb(routes);
        Features.Automations.AutomationsWeb.MapAutomationsWeb(routes);
        Features.Imports.ImportsWeb.MapImportsWeb(routes);
        routes.MapLiveWeb();
        routes.MapAdminWeb(options);
        app.MapRazorComponents<Components.App>();
        return app;
    }

    /// <summary>
    /// Everything before the server starts: schema, bootstrap, and the demo data. The demo is
    /// written before the watcher's first pass, so the watcher never sees a story half told.
    /// </summary>
    public static async Task<IReadOnlyList<Features.Demo.DemoLogin>> PrepareAsync(WebApplication app, ServeOptions options, CancellationToken ct)
    {
        await DatabaseSetup.PrepareAsync(app.Services, ct);
        return options.Demo ? await Features.Demo.DemoData.LoadAsync(app.Services, ct) : [];
    }
}
