using Guichet.Core;
using Guichet.Features.Audit;
using Guichet.Features.Permissions;
using System.Text.Json;
using System.Text.Json.Serialization;
using Guichet.Api;
using Guichet.Components;
using Guichet.Core.Data;
using Guichet.Features.Admin;
using Guichet.Features.Cases;
using Guichet.Features.Email;
using Guichet.Features.Metrics;
using Guichet.Features.Notifications;
using Guichet.Features.Promises;
using Guichet.Features.Workspace;
using Guichet.Features.Chat;
using Guichet.Features.Customers;
using Guichet.Features.Phone;
using Guichet.Features.Social;
using Guichet.Features.Teams;
using Guichet.Features.Templates;
using Guichet.Features.Knowledge;
using Guichet.Features.Routing;
using Guichet.Features.Incidents;
using Guichet.Features.Goodwill;
using Guichet.Features.Surveys;
using Guichet.Features.Journeys;
using Microsoft.AspNetCore.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Hosting;

/// <summary>Builds the one server: API, agent workspace, workers, on the database the options name.</summary>
public static class GuichetHost
{
    public static WebApplication Build(ServeOptions options)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 10 * 1024 * 1024);
        if (options.Quiet)
        {
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        }
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning);
        // Six lines per request on the console cost more than storing an email; traces cover requests.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton<TimeProvider>(options.TestClock
            ? new AdjustableClock(options.TestClockStart ?? DateTimeOffset.UtcNow)
            : TimeProvider.System);
        services.AddGuichetDatabase(options);
        services.AddGuichetCore();
        if (options.Mailboxes.Count > 0)
        {
            // Registered first: mail read in a tick is acknowledged and sent in the same tick.
            services.AddSingleton<MailboxPollerService>();
            services.AddHostedService(sp => sp.GetRequiredService<MailboxPollerService>());
            services.AddSingleton<IDueWork>(sp => sp.GetRequiredService<MailboxPollerService>());
        }
        services.AddSingleton<Features.Incidents.IncidentListRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<Features.Incidents.IncidentListRunner>());
        services.AddSingleton<PromiseWatcherService>();
        services.AddHostedService(sp => sp.GetRequiredService<PromiseWatcherService>());
        services.AddSingleton<InboundMailWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<InboundMailWriter>());
        services.AddSingleton<IDueWork>(sp => sp.GetRequiredService<PromiseWatcherService>());
        services.AddSingleton<SurveyRoundsService>();
        services.AddHostedService(sp => sp.GetRequiredService<SurveyRoundsService>());
        services.AddSingleton<IDueWork>(sp => sp.GetRequiredService<SurveyRoundsService>());
        services.AddSingleton<CaseRetentionService>();
        services.AddHostedService(sp => sp.GetRequiredService<CaseRetentionService>());
        services.AddSingleton<IDueWork>(sp => sp.GetRequiredService<CaseRetentionService>());
        services.AddSingleton<JourneyRunnerService>();
        services.AddHostedService(sp => sp.GetRequiredService<JourneyRunnerService>());
        services.AddSingleton<IDueWork>(sp => sp.GetRequiredService<JourneyRunnerService>());
        // Always there, so /health reads it; only the outbox sender changes it.
        services.AddSingleton<Core.Email.SmtpStatus>();
        if (options.Smtp is { } smtp)
        {
            services.AddSingleton(smtp);
            services.AddScoped<Core.Email.DeliverOutbox>();
            services.AddSingleton<OutboxDispatcherService>();
            services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcherService>());
            services.AddSingleton<IDueWork>(sp => sp.GetRequiredService<OutboxDispatcherService>());
        }
        // Last: the figures it snapshots include what the work above just did.
        services.AddSingleton<ServiceMeter>();
        services.AddHostedService(sp => sp.GetRequiredService<ServiceMeter>());
        services.AddSingleton<IDueWork>(sp => sp.GetRequiredService<ServiceMeter>());
        AddOpenTelemetry(services);
        services.AddSingleton<IPasswordHasher<Core.Agents.Agent>, PasswordHasher<Core.Agents.Agent>>();
        services.AddGuichetAuthentication(options.Oidc);
        services.AddGuichetRateLimits();
        // Behind a reverse proxy on this machine, the client's address and https come from its headers.
        services.Configure<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>(o =>
            o.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto);
        services.AddProblemDetails();
        services.AddExceptionHandler<DatabaseUnavailable>();
        services.AddOpenApi();
        // French text stays readable in the HTML: only markup-significant characters are escaped.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddRazorComponents();
        services.AddCascadingAuthenticationState();
        services.AddHttpContextAccessor();
        services.AddScoped<Ui>();
        services.AddSignalR(o => Microsoft.AspNetCore.SignalR.HubOptionsExtensions.AddFilter<Features.Chat.ChatFlood>(o));
        services.AddSingleton<Core.Chat.IChatRelay, Features.Chat.ChatRelay>();
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            json.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip;
        });

        var app = builder.Build();
        app.UseForwardedHeaders();
        app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusFor });
        app.UseSecurityHeaders();
        // Only on https answers (a TLS listener or a proxy saying so), never for localhost.
        app.UseHsts();
        app.UseStatusCodePages(ApiStatusPages.WriteAsync);
        app.UseRateLimiter();
        // Around authentication and authorisation: refusals are lines of the trail too.
        app.UseAuditTrail();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapGet("/health", HealthCheck).AllowAnonymous().ExcludeFromDescription();
        app.MapOpenApi().AllowAnonymous();
        var api = app.MapGroup("/api").RequireAuthorization(Access.Read);
        api.MapCases().MapTokens().MapAudit().MapCustomerData().MapPromises().MapMetrics().MapSurveys().MapJourneys().MapNotifications().MapInboundEmail().MapAttachments().MapTeams().MapPhone().MapSocial().MapCustomers().MapTemplates().MapKnowledge().MapEscalations().MapRouting().MapCrises().MapGoodwill().MapIncidents().MapClock(options);

        app.MapWorkspaceForms();
        app.MapHelp();
        app.MapChat();
        app.MapDashboardAssets();
        app.MapGet("/site.css", SiteCss).AllowAnonymous().ExcludeFromDescription();
        app.MapRazorComponents<App>();
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

    /// <summary>
    /// 503 only when the database is out of reach (the node cannot serve). An SMTP server out of
    /// reach is "degraded": the node still serves, and whoever watches sees since when and how many
    /// mails wait. The answer is anonymous, so it carries counts and times, never an address or an error.
    /// </summary>
    private static async Task<IResult> HealthCheck(GuichetDb db, Core.Email.SmtpStatus smtp, CancellationToken ct)
    {
        if (!await db.Database.CanConnectAsync(ct))
        {
            return TypedResults.Json(new { status = "unavailable" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        if (smtp.Current is not { } outage)
        {
            return TypedResults.Ok(new { status = "ok" });
        }
        var waiting = await db.Outbox.CountAsync(o => o.State == Core.Cases.OutboxState.Pending && o.Channel == Core.Channel.Email, ct);
        return TypedResults.Ok(new { status = "degraded", outbox = new { waiting, since = outage.Since } });
    }

    private static Microsoft.AspNetCore.Http.HttpResults.FileStreamHttpResult SiteCss()
    {
        var stream = typeof(GuichetHost).Assembly.GetManifestResourceStream("Guichet.Resources.site.css")!;
        return TypedResults.Stream(stream, "text/css; charset=utf-8");
    }

    // A request too large or malformed is the client's error, reported as such, not as a 500.
    private static int StatusFor(Exception e) => e switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>
    /// Traces and metrics (the "Guichet" meter and ASP.NET Core's) leave by OTLP when the standard
    /// OTEL_EXPORTER_OTLP_ENDPOINT variable names a collector; without one nothing is collected.
    /// </summary>
    private static void AddOpenTelemetry(IServiceCollection services)
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT")))
        {
            return;
        }
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("guichet"))
            .WithMetrics(metrics => metrics.AddMeter(ServiceMeter.MeterName).AddAspNetCoreInstrumentation())
            .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation())
            .UseOtlpExporter();
    }
}
