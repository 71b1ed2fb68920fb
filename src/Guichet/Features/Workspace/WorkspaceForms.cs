using Guichet.Features.Permissions;
using System.Security.Claims;
using Guichet.Components;
using Guichet.Core;
using Guichet.Core.Agents;
using Guichet.Core.Cases;
using Guichet.Core.Email;
using Guichet.Features.Email;
using Guichet.Core.Data;
using Guichet.Core.Promises;
using Guichet.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Workspace;

/// <summary>
/// The workspace's form posts: each calls the same operation as the API, then redirects back
/// (post/redirect/get). The reply and new-case forms are handled by their pages instead, so a
/// refusal re-renders the page with the agent's text kept and every reason shown.
/// </summary>
public static class WorkspaceForms
{
    public static void MapWorkspaceForms(this WebApplication app)
    {
        app.MapPost("/login", SignInAsync).AllowAnonymous().RequireRateLimiting(Hosting.RateLimits.SignIn)
            .WithMetadata(new RequestSizeLimitAttribute(64 * 1024)).ExcludeFromDescription();
        // Sign-in through the company's identity provider, when one is configured (404 otherwise).
        app.MapGet("/login/sso", (string? returnUrl, Hosting.ServeOptions options) => options.Oidc is null
                ? Results.NotFound()
                : Results.Challenge(new AuthenticationProperties { RedirectUri = LocalOrHome(returnUrl) }, [Hosting.OidcSettings.Scheme]))
            .AllowAnonymous().RequireRateLimiting(Hosting.RateLimits.SignIn).ExcludeFromDescription();
        app.MapPost("/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/login");
        }).ExcludeFromDescription();
        app.MapGet("/ui/lang/{lang}", (string lang, HttpContext http) =>
        {
            http.Response.Cookies.Append(Ui.Cookie, lang == "en" ? "en" : "fr", new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365) });
            return Results.LocalRedirect(PageCameFrom(http) ?? "/");
        }).AllowAnonymous().ExcludeFromDescription();

        var ui = app.MapGroup("/ui").RequireAuthorization(Access.Read).ExcludeFromDescription();
        Goodwill.GoodwillForms.MapGoodwillForms(ui);
        ui.MapPeopleForms();

        ui.MapPost("/mail/{id:long}/reprocess", async (long id, ReceiveEmail receive) =>
            await receive.ReprocessAsync(id, null) is { Succeeded: true, Value: { CaseId: { } caseId } } ? Results.LocalRedirect($"/cases/{caseId}") : Results.LocalRedirect("/mail"))
            .RequireAuthorization(Access.Lead);

        ui.MapPost("/cases/{id:long}/article", async (long id, HttpContext http, Core.Knowledge.SaveArticle save) =>
            await save.FromCaseAsync(id, http.User.Identity?.Name ?? "agent") is { Succeeded: true } made
                ? Results.LocalRedirect($"/knowledge/{made.Value.Id}")
                : Results.LocalRedirect($"/cases/{id}"));

        ui.MapPost("/agents/{id:long}/presence", async (long id, [FromForm] string? presence, HttpContext http, GuichetDb db, Core.Agents.ChangeAgent change) =>
        {
            var result = await change.RunAsync(id, new Core.Agents.AgentChange(Presence: presence), await RequireAgent(http, db));
            return Results.LocalRedirect(result.Succeeded ? "/routing" : WithError("/routing", result.Failure!));
        });

        ui.MapPost("/crises/{id:long}/end", async (long id, HttpContext http, Core.Incidents.DeclareCrisis declare) =>
        {
            await declare.EndAsync(id, http.User.Identity?.Name ?? "manager");
            return Results.LocalRedirect("/crises");
        }).RequireAuthorization(Access.Manage);

        ui.MapPost("/templates/remove", async ([FromForm] string? team, [FromForm] string? key, [FromForm] string? language, Core.Replies.RemoveTemplate remove) =>
        {
            var failure = await remove.RunAsync(key ?? "", team, language);
            var back = $"/templates?team={Uri.EscapeDataString(team ?? "")}&key={Uri.EscapeDataString(key ?? "")}&lang={Uri.EscapeDataString(language ?? "")}";
            return Results.LocalRedirect(failure is null ? back + "&saved=true" : WithError(back, failure));
        }).RequireAuthorization(Access.Admin);

        ui.MapPost("/cases/{id:long}/calls", async (long id, [FromForm] string? outcome, [FromForm] int? minutes, [FromForm] string? notes, HttpContext http, GuichetDb db, TimeProvider clock, Core.Phone.LogCall log) =>
        {
            // The agent logs the call as it ends: it started the given number of minutes ago.
            var end = clock.GetUtcNow();
            var start = end.AddMinutes(-Math.Clamp(minutes ?? 0, 0, 600));
            return Outcome(id, await log.RunAsync(new Core.Phone.LogCallRequest(id, null, null, start, end, null, outcome, notes), await RequireAgent(http, db)));
        });

        ui.MapPost("/cases/{id:long}/public-reply", async (long id, [FromForm] string? body, HttpContext http, GuichetDb db, PostMessage post) =>
            Outcome(id, await post.RunAsync(id, new PostMessageRequest("out", "social", body, Public: true), await RequireAgent(http, db))));

        ui.MapPost("/cases/{id:long}/merge", async (long id, [FromForm] string? reference, HttpContext http, GuichetDb db, MergeCases merge) =>
        {
            var key = (reference ?? "").Trim().Trim('[', ']');
            var from = await db.Cases.Where(c => c.Reference == key).Select(c => (long?)c.Id).FirstOrDefaultAsync();
            return from is null
                ? Outcome(id, Result<Case>.Fail(Failure.NotFound("reference", $"There is no case {key}.")))
                : Outcome(id, await merge.RunAsync(id, from, await RequireAgent(http, db)));
        });

        ui.MapPost("/customers/merges/{mergeId:long}/undo", async (long mergeId, HttpContext http, GuichetDb db, Core.Customers.MergeCustomers merge) =>
        {
            var result = await merge.UndoAsync(mergeId, await RequireAgent(http, db));
            return Results.LocalRedirect(PageCameFrom(http) is not { } back ? "/"
                : result.Succeeded ? back
                : WithError(back, result.Failure!));
        });

        ui.MapPost("/cases/{id:long}/note", async (long id, [FromForm] string? text, HttpContext http, GuichetDb db, AddNote add) =>
            Outcome(id, await add.RunAsync(id, text, await RequireAgent(http, db))));

        ui.MapPost("/cases/{id:long}/assign", async (long id, [FromForm] long? ownerId, HttpContext http, GuichetDb db, AssignCase assign) =>
            Outcome(id, await assign.RunAsync(id, ownerId, await RequireAgent(http, db))));

        ui.MapPost("/cases/{id:long}/transfer", async (long id, [FromForm] string? team, [FromForm] long? agentId, [FromForm] string? note, HttpContext http, GuichetDb db, TransferCase transfer) =>
            Outcome(id, await transfer.RunAsync(id, agentId is null && !string.IsNullOrEmpty(team) ? team : null, agentId, note, await RequireAgent(http, db))));

        ui.MapPost("/cases/{id:long}/resolve", async (long id, HttpContext http, GuichetDb db, ChangeCaseStatus status) =>
            Outcome(id, await status.RunAsync(id, StatusChange.Resolve, await RequireAgent(http, db))));

        ui.MapPost("/cases/{id:long}/reopen", async (long id, HttpContext http, GuichetDb db, ChangeCaseStatus status) =>
            Outcome(id, await status.RunAsync(id, StatusChange.Reopen, await RequireAgent(http, db))));

        ui.MapPost("/promises/new/{caseId:long}", async (long caseId, [FromForm] string? what, [FromForm] string? dueAt, [FromForm] bool? toConfirm, HttpContext http, GuichetDb db, MakePromise make) =>
        {
            var zone = await db.Cases.Where(c => c.Id == caseId).Select(c => c.Team.TimeZone).FirstOrDefaultAsync() ?? "UTC";
            var due = LocalTimeInput.Parse(dueAt, zone);
            return Outcome(caseId, await make.RunAsync(caseId, new MakePromiseRequest(what, due, null, null, toConfirm ?? false), await RequireAgent(http, db)));
        });

        ui.MapPost("/cases/{id:long}/ceiling-approval", async (long id, [FromForm] string? until, [FromForm] string? reason, HttpContext http, GuichetDb db, ApproveCeiling approve) =>
        {
            var zone = await db.Cases.Where(c => c.Id == id).Select(c => c.Team.TimeZone).FirstOrDefaultAsync() ?? "UTC";
            return Outcome(id, await approve.RunAsync(id, LocalTimeInput.Parse(until, zone), reason, await RequireAgent(http, db)));
        }).RequireAuthorization(Access.Manage);

        ui.MapPost("/notifications/read", async (HttpContext http, GuichetDb db, TimeProvider clock) =>
        {
            var me = http.User.AgentId();
            var now = clock.Now();
            await db.Notifications.Where(n => n.AgentId == me && n.ReadAt == null).ExecuteUpdateAsync(n => n.SetProperty(x => x.ReadAt, now));
            return Results.Redirect("/notifications");
        });

        ui.MapPost("/promises/{id:long}/keep", async (long id, HttpContext http, GuichetDb db, KeepPromise keep) =>
        {
            var result = await keep.RunAsync(id, await RequireAgent(http, db));
            return result.Succeeded ? Back(result.Value.CaseId) : Results.Redirect("/");
        });

        ui.MapPost("/promises/{id:long}/renegotiate", async (long id, [FromForm] string? newDueAt, HttpContext http, GuichetDb db, RenegotiatePromise renegotiate) =>
        {
            var promise = await db.Promises.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.CaseId, p.Case.Team.TimeZone }).FirstOrDefaultAsync();
            if (promise is null)
            {
                return Results.NotFound();
            }
            var result = await renegotiate.RunAsync(id, LocalTimeInput.Parse(newDueAt, promise.TimeZone), await RequireAgent(http, db));
            return Outcome(promise.CaseId, result);
        });
    }

    private static async Task<IResult> SignInAsync([FromForm] string? email, [FromForm] string? password, [FromForm] string? returnUrl,
        HttpContext http, CheckSignIn check, IPasswordHasher<Agent> hasher, GuichetDb db, TimeProvider clock)
    {
        var outcome = await check.RunAsync(email, password,
            (a, given) => hasher.VerifyHashedPassword(a, a.PasswordHash, given) != PasswordVerificationResult.Failed, http.RequestAborted);
        await Audit.AuditTrailRecorder.RecordSignInAsync(db, clock, http, outcome.Agent, email);
        if (!outcome.Succeeded)
        {
            var error = outcome.LockedUntil is { } until ? "locked&until=" + Uri.EscapeDataString(until.ToString("O", System.Globalization.CultureInfo.InvariantCulture)) : "1";
            return Results.Redirect("/login?error=" + error + (string.IsNullOrEmpty(returnUrl) ? "" : "&returnUrl=" + Uri.EscapeDataString(returnUrl)));
        }
        var agent = outcome.Agent;
        var principal = new ClaimsPrincipal(AgentPrincipal.IdentityFor(agent!, CookieAuthenticationDefaults.AuthenticationScheme));
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        return Results.LocalRedirect(LocalOrHome(returnUrl));
    }

    /// <summary>Only local paths, by the framework's own test (the one LocalRedirect enforces): no open redirect through the sign-in page.</summary>
    private static string LocalOrHome(string? returnUrl) => Microsoft.AspNetCore.Http.HttpResults.RedirectHttpResult.IsLocalUrl(returnUrl) ? returnUrl! : "/";

    internal static async Task<Agent> RequireAgent(HttpContext http, GuichetDb db) =>
        await http.CurrentAgentAsync(db) ?? throw new BadHttpRequestException("The signed-in agent is no longer active.", StatusCodes.Status403Forbidden);

    // The case page shows the refusal; these forms carry little text, so nothing is lost by redirecting.
    internal static IResult Outcome<T>(long caseId, Result<T> result) =>
        result.Succeeded ? Back(caseId) : Results.Redirect(WithError($"/cases/{caseId}", result.Failure!));

    /// <summary>The page of this site the form was posted from (never another site's: no open redirect).</summary>
    private static string? PageCameFrom(HttpContext http) =>
        Uri.TryCreate(http.Request.Headers.Referer.ToString(), UriKind.Absolute, out var uri) && uri.Host == http.Request.Host.Host ? uri.PathAndQuery : null;

    private static IResult Back(long caseId) => TypedResults.Redirect($"/cases/{caseId}");

    /// <summary>Back to a workspace page with what went wrong in its "error" query, which the page shows.</summary>
    internal static string WithError(string page, Failure failure) =>
        page + (page.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "error=" + Uri.EscapeDataString(string.Join(" ", Messages(failure)));

    internal static List<string> Messages(Failure failure) => failure.Errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")).ToList();

}
