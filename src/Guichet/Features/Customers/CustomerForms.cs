using Guichet.Core.Data;

namespace Guichet.Features.Customers;

/// <summary>Undo a merge of two customers, from the page it was shown on (C2).</summary>
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
        return ui;
    }
}
