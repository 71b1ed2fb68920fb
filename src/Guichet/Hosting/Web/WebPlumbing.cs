using System.Text.Json;
using System.Text.Json.Serialization;
using Guichet.Core.Data;
using Guichet.Features.Audit;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Guichet.Hosting.Web;

/// <summary>
/// What every feature stands on: logging, limits, JSON, problems, OpenAPI, authentication, rate
/// limits, Blazor, telemetry; the request pipeline; and the routes no feature owns.
/// </summary>
public static class WebPlumbing
{
    public static void AddGuichetPlumbing(this WebApplicationBuilder builder, ServeOptions options)
    {
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
        services.AddGuichetDatabase(options);
        services.AddSingleton<IPasswordHasher<Core.Agents.Agent>, PasswordHasher<Core.Agents.Agent>>();
        services.AddGuichetAuthentication(options.Oidc);
        services.AddGuichetRateLimits();
        // Only the proxies named with --trusted-proxy say who the client is (issue 21); nobody else, loopback included.
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005 // the old list still holds loopback by default, and is still read: emptied too
            o.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
            foreach (var proxy in options.TrustedProxies)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(proxy.Contains('/', StringComparison.Ordinal) ? proxy : proxy + (proxy.Contains(':', StringComparison.Ordinal) ? "/128" : "/32")));
            }
        });
        services.AddProblemDetails();
        services.AddExceptionHandler<DatabaseUnavailable>();
        // After it: what is left is a fault of Guichet's, noted for whoever watches.
        services.AddSingleton<UnhandledErrors>();
        services.AddSingleton<Microsoft.AspNetCore.Diagnostics.IExceptionHandler>(sp => sp.GetRequiredService<UnhandledErrors>());
        services.AddGuichetOpenApi();
        services.AddSingleton(sp => new ApiRateLimit(sp.GetRequiredService<TimeProvider>(), options.ApiRequestsPerMinute));
        // French text stays readable in the HTML: only markup-significant characters are escaped.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddRazorComponents();
        services.AddCascadingAuthenticationState();
        services.AddHttpContextAccessor();
        services.AddScoped<Ui>();
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new Microsoft.AspNetCore.Localization.RequestCulture(System.Globalization.CultureInfo.CurrentCulture, WorkspaceLanguage.French);
            o.SupportedCultures = [System.Globalization.CultureInfo.CurrentCulture];
            o.SupportedUICultures = [WorkspaceLanguage.French, WorkspaceLanguage.English];
            o.RequestCultureProviders = [new WorkspaceLanguage()];
        });
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            json.SerializerOptions.Converters.Add(new AcceptedTimeConverter());
            json.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip;
        });
        AddOpenTelemetry(services);
    }

    public static void UseGuichetPipeline(this WebApplication app)
    {
        // No trusted proxy named, no forwarded header read at all: with empty lists the framework would
        // believe every sender's X-Forwarded-For, not none (issue 21).
        if (app.Services.GetRequiredService<ServeOptions>().TrustedProxies.Count > 0)
        {
            app.UseForwardedHeaders();
        }
        // A request is a person waiting (an agent, a customer in the portal or a chat): its writes go
        // before the intake's groups and the workers' on SQLite's one writer (WriteTurns, issue 29).
        app.Use(async (context, next) =>
        {
            // Set inside an async method, so it ends with the request.
            Core.Data.WriteTurns.ForPeople();
            await next(context);
        });
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
        var apiRate = app.Services.GetRequiredService<ApiRateLimit>();
        app.Use(apiRate.InvokeAsync);
        app.UseIdempotentPosts();
        app.UseRequestLocalization();
        app.UseAntiforgery();
        app.UseEmptyFormChoices();
    }

    /// <summary>Health, the OpenAPI document, the stylesheet, and the two groups features map into.</summary>
    public static GuichetRoutes MapGuichetRoutes(this WebApplication app)
    {
        app.MapGet("/health", HealthCheck).AllowAnonymous().ExcludeFromDescription();
        app.MapOpenApi().AllowAnonymous();
        app.MapGet("/site.css", SiteCss).AllowAnonymous().ExcludeFromDescription();
        foreach (var script in new[] { "workspace.js", "live.js" })
        {
            app.MapGet("/" + script, () => TypedResults.Stream(typeof(WebPlumbing).Assembly.GetManifestResourceStream("Guichet.Resources." + script)!, "text/javascript; charset=utf-8"))
                .RequireAuthorization(Features.Permissions.Access.Read).ExcludeFromDescription();
        }
        // Read by the customer's pages too (the portal's form, the follow page): nothing in it is private.
        app.MapGet("/files.js", () => TypedResults.Stream(typeof(WebPlumbing).Assembly.GetManifestResourceStream("Guichet.Resources.files.js")!, "text/javascript; charset=utf-8"))
            .AllowAnonymous().ExcludeFromDescription();
        var api = app.MapGroup("/api").RequireAuthorization(Features.Permissions.Access.Read);
        var ui = app.MapGroup("/ui").RequireAuthorization(Features.Permissions.Access.Read).ExcludeFromDescription().RequireFormToken();
        return new GuichetRoutes(app, api, ui);
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
        var stream = typeof(WebPlumbing).Assembly.GetManifestResourceStream("Guichet.Resources.site.css")!;
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
            .WithMetrics(metrics => metrics.AddMeter(Features.Metrics.ServiceMeter.MeterName).AddAspNetCoreInstrumentation())
            .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation())
            .UseOtlpExporter();
    }
}
