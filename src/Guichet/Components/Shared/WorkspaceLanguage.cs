using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Guichet.Components.Shared;

/// <summary>
/// The workspace's language for one request, through the framework's request localization: the
/// "ui_lang" cookie if the person switched, else their profile, else the browser's preference;
/// French unless English is asked. Only the UI culture changes: numbers and dates are written by
/// <see cref="Ui"/> with the culture it names, never by the process's culture.
/// </summary>
public sealed class WorkspaceLanguage : RequestCultureProvider
{
    public const string Cookie = "ui_lang";
    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var chosen = httpContext.Request.Cookies[Cookie]
            ?? httpContext.User.FindFirst(AgentPrincipal.UiLanguageClaim)?.Value
            ?? (httpContext.Request.Headers.AcceptLanguage.ToString().StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "fr");
        var ui = chosen == "en" ? English : French;
        return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult([], [ui.Name]));
    }
}
