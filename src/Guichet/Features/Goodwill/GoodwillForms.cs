using Guichet.Features.Permissions;
using Guichet.Core.Data;
using Guichet.Core.Goodwill;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Features.Goodwill;

/// <summary>The workspace's goodwill and retention forms: the same operations as the API, then back to the page.</summary>
public static class GoodwillForms
{
    public static RouteGroupBuilder MapGoodwillForms(this RouteGroupBuilder ui)
    {
        ui.MapPost("/cases/{id:long}/goodwill", async (long id, [FromForm] string? gesture, [FromForm] decimal? amount, [FromForm] decimal? paid, [FromForm] string? reason,
            [FromForm] bool? customerChoseVoucher, HttpContext http, GuichetDb db, GrantGoodwill grant) =>
            Forms.BackToCase(id, await grant.RunAsync(id, new GoodwillRequest(string.IsNullOrWhiteSpace(gesture) ? null : gesture, amount, reason, paid, customerChoseVoucher ?? false),
                await Forms.RequireAgentAsync(http, db))));

        ui.MapPost("/cases/{id:long}/cancellation-request", async (long id, HttpContext http, GuichetDb db, Retention retention) =>
            Forms.BackToCase(id, await retention.MarkAsync(id, await Forms.RequireAgentAsync(http, db))));

        ui.MapPost("/cases/{id:long}/retention-offers", async (long id, [FromForm] string? offer, HttpContext http, GuichetDb db, Retention retention) =>
            Forms.BackToCase(id, await retention.OfferAsync(id, offer, await Forms.RequireAgentAsync(http, db))));

        ui.MapPost("/retention-offers/{offerId:long}/outcome", async (long offerId, [FromForm] long caseId, [FromForm] string? outcome, Retention retention) =>
            Forms.BackToCase(caseId, await retention.AnswerAsync(offerId, outcome)))
            .NamesInBody("caseId", "only the page to go back to; the offer's case is checked from the route");

        ui.MapPost("/cases/{id:long}/cancel", async (long id, HttpContext http, GuichetDb db, Retention retention) =>
            Forms.BackToCase(id, await retention.CancelAsync(id, await Forms.RequireAgentAsync(http, db))));

        foreach (var (path, approve) in new[] { ("approve", true), ("refuse", false) })
        {
            ui.MapPost($"/goodwill/{{id:long}}/{path}", async (long id, HttpContext http, GuichetDb db, DecideGoodwill decide) =>
            {
                var result = await decide.RunAsync(id, approve, await Forms.RequireAgentAsync(http, db));
                return Results.LocalRedirect(result.Succeeded ? "/goodwill" : Forms.WithError("/goodwill", result.Failure!));
            }).RequireAuthorization(Access.Manage);
        }

        ui.MapPost("/agents/{id:long}/goodwill-budget", async (long id, [FromForm] string? amount, GuichetDb db, SetGoodwillBudget set) =>
        {
            decimal? given = null;
            if (!string.IsNullOrWhiteSpace(amount))
            {
                // "250,50" as French agents write it, or "250.50".
                if (!decimal.TryParse(amount.Trim().Replace(',', '.'), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
                {
                    return Results.LocalRedirect("/goodwill?error=" + Uri.EscapeDataString($"amount: '{amount}' is not an amount."));
                }
                given = parsed;
            }
            var result = await set.RunAsync(id, given);
            return Results.LocalRedirect(result.Succeeded ? "/goodwill" : Forms.WithError("/goodwill", result.Failure!));
        }).RequireAuthorization(Access.Manage);

        return ui;
    }
}
