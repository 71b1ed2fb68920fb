using Guichet.Core.Cases;
using Guichet.Core.Data;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Features.Social;

/// <summary>The public answer under a social comment (H5), through the send guard.</summary>
public static class SocialForms
{
    public static RouteGroupBuilder MapSocialForms(this RouteGroupBuilder ui)
    {
        ui.MapPost("/cases/{id:long}/public-reply", async (long id, [FromForm] string? body, HttpContext http, GuichetDb db, PostMessage post) =>
            Forms.BackToCase(id, await post.RunAsync(id, new PostMessageRequest("out", "social", body, Public: true), await Forms.RequireAgentAsync(http, db))));
        return ui;
    }
}
