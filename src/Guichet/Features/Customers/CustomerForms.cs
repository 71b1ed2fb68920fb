using Guichet.Core.Data;

namespace Guichet.Features.Customers;

/// <summary>Undo a merge of two customers (C2), tag a customer (W5), from the page it was shown on.</summary>
public static class CustomerForms
{
    public static RouteGroupBuilder MapCustomerForms(this RouteGroupBuilder ui)
    {
        ui.MapPost("/customers/merges/{mergeId:long}/undo", async (long mergeId, HttpContext http, GuichetDb db, Core.Customers.MergeCustomers merge) =>
        {
            var result = await merge.UndoAsync(mergeId, await Forms.RequireAgentAsync(http, db));
            return Results.LocalRedirect(Forms.PageCameFrom(http) is not { } back ? "/"
                : result.Succeeded ? back
                : Forms.WithError(back, result.Failure!));
        });
        // Tags on the customer, typed as on a case (W5), from the case page.
        ui.MapPost("/customers/{id:long}/tags", async (long id, [Microsoft.AspNetCore.Mvc.FromForm] string? add, HttpContext http, GuichetDb db, Core.Customers.EditProfile edit) =>
        {
            var names = (add ?? "").Split([',', ' '], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var result = await edit.RunAsync(Core.Customers.ProfileKind.Customer, id, new Core.Customers.ProfileRequest(names), await Forms.RequireAgentAsync(http, db), http.RequestAborted);
            return Results.LocalRedirect(Forms.PageCameFrom(http) is not { } back ? "/"
                : result.Succeeded ? back
                : Forms.WithError(back, result.Failure!));
        });
        return ui;
    }
}
