using Guichet.Components.Shared;
using Guichet.Features.Permissions;
using Guichet.Core.Data;
using Guichet.Core.Goodwill;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Guichet.Features.Goodwill;

/// <summary>The workspace's goodwill and retention forms: the same operations as the API, then back to the page.</summary>
public static class GoodwillForms
{
    public static RouteGroupBuilder MapGoodwillForms(this RouteGroupBuilder ui)
    {
        ui.MapPost("/cases/{id:long}/goodwill", async (long id, [FromForm] string? gesture, [FromForm] string? amount, [FromForm] string? paid, [FromForm] string? reason,
            [FromForm] bool? customerChoseVoucher, HttpContext http, GuichetDb db, GrantGoodwill grant, IStringLocalizer<GoodwillWords> words, Ui ui) =>
        {
            var amountRefused = Refused(amount, out var given, words, ui);
            var paidRefused = Refused(paid, out var paidGiven, words, ui);
            if ((amountRefused ?? paidRefused) is { } refusal)
            {
                return Results.Redirect($"/cases/{id}?error=" + Uri.EscapeDataString(refusal));
            }
            return Forms.BackToCase(id, await grant.RunAsync(id, new GoodwillRequest(string.IsNullOrWhiteSpace(gesture) ? null : gesture, given, reason, paidGiven, customerChoseVoucher ?? false),
                await Forms.RequireAgentAsync(http, db)));
        });

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

        ui.MapPost("/agents/{id:long}/goodwill-budget", async (long id, [FromForm] string? amount, GuichetDb db, SetGoodwillBudget set, IStringLocalizer<GoodwillWords> words, Ui ui) =>
        {
            if (Refused(amount, out var given, words, ui) is { } refusal)
            {
                return Results.LocalRedirect("/goodwill?error=" + Uri.EscapeDataString(refusal));
            }
            var result = await set.RunAsync(id, given);
            return Results.LocalRedirect(result.Succeeded ? "/goodwill" : Forms.WithError("/goodwill", result.Failure!));
        }).RequireAuthorization(Access.Manage);

        return ui;
    }

    /// <summary>An amount as the agent typed it ("12,50", "1 250,00 €"), read in the workspace's language; null when left empty; or why it was refused.</summary>
    private static string? Refused(string? typed, out decimal? amount, IStringLocalizer<GoodwillWords> words, Ui ui)
    {
        amount = null;
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }
        if (AmountText.TryRead(typed, ui.Culture, out var read, out var problem))
        {
            amount = read;
            return null;
        }
        return words[problem == AmountProblem.MoreThanTwoDecimals ? "amountDecimals" : "amountNotRead", typed.Trim()];
    }
}
