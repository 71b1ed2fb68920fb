using Guichet.Features.Permissions;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Features.Templates;

/// <summary>An admin removes a team's template: the shipped text applies again.</summary>
public static class TemplateForms
{
    public static RouteGroupBuilder MapTemplateForms(this RouteGroupBuilder ui)
    {
        ui.MapPost("/templates/remove", async ([FromForm] string? team, [FromForm] string? key, [FromForm] string? language, Core.Replies.RemoveTemplate remove) =>
        {
            var failure = await remove.RunAsync(key ?? "", team, language);
            var back = $"/templates?team={Uri.EscapeDataString(team ?? "")}&key={Uri.EscapeDataString(key ?? "")}&lang={Uri.EscapeDataString(language ?? "")}";
            return Results.LocalRedirect(failure is null ? back + "&saved=true" : Forms.WithError(back, failure));
        }).RequireAuthorization(Access.Admin);
        return ui;
    }
}
