using Guichet.Core.Data;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Features.Phone;

/// <summary>An agent logs a call on the case as it ends (H4).</summary>
public static class PhoneForms
{
    public static RouteGroupBuilder MapPhoneForms(this RouteGroupBuilder ui)
    {
        ui.MapPost("/cases/{id:long}/calls", async (long id, [FromForm] string? outcome, [FromForm] int? minutes, [FromForm] string? notes, HttpContext http, GuichetDb db, TimeProvider clock, Core.Phone.LogCall log) =>
        {
            // The agent logs the call as it ends: it started the given number of minutes ago.
            var end = clock.GetUtcNow();
            var start = end.AddMinutes(-Math.Clamp(minutes ?? 0, 0, 600));
            return Forms.BackToCase(id, await log.RunAsync(new Core.Phone.LogCallRequest(id, null, null, start, end, null, outcome, notes), await Forms.RequireAgentAsync(http, db)));
        });
        return ui;
    }
}
