using Guichet.Core.Email;
using Guichet.Features.Permissions;

namespace Guichet.Features.Email;

/// <summary>Mail to sort: a lead sends a kept message through the intake again.</summary>
public static class EmailForms
{
    public static RouteGroupBuilder MapEmailForms(this RouteGroupBuilder ui)
    {
        ui.MapPost("/mail/{id:long}/reprocess", async (long id, ReceiveEmail receive) =>
            await receive.ReprocessAsync(id, null) is { Succeeded: true, Value: { CaseId: { } caseId } } ? Results.LocalRedirect($"/cases/{caseId}") : Results.LocalRedirect("/mail"))
            .RequireAuthorization(Access.Lead);
        return ui;
    }
}
