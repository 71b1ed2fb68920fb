
namespace Guichet.Features.Knowledge;

/// <summary>An article drafted from a case (K1).</summary>
public static class KnowledgeForms
{
    public static RouteGroupBuilder MapKnowledgeForms(this RouteGroupBuilder ui)
    {
        ui.MapPost("/cases/{id:long}/article", async (long id, HttpContext http, Core.Knowledge.SaveArticle save) =>
            await save.FromCaseAsync(id, http.User.Identity?.Name ?? "agent") is { Succeeded: true } made
                ? Results.LocalRedirect($"/knowledge/{made.Value.Id}")
                : Results.LocalRedirect($"/cases/{id}"));
        return ui;
    }
}
