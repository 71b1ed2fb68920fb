using System.Globalization;

namespace Guichet.Components.Shared;

/// <summary>
/// How the workspace writes times and sizes in the language of this request. The words themselves
/// are each feature's resources (IStringLocalizer); the language is chosen once per request by
/// <see cref="WorkspaceLanguage"/> and read here from the UI culture.
/// </summary>
public sealed class Ui
{
    public const string Cookie = WorkspaceLanguage.Cookie;

    public string Language { get; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "fr";
    public CultureInfo Culture => CultureInfo.GetCultureInfo(Language == "en" ? "en-GB" : "fr-FR");

    /// <summary>"in 3 h 10 min" / "dans 3 h 10 min", "2 d ago" / "il y a 2 j".</summary>
    public string Relative(DateTimeOffset when, DateTimeOffset now)
    {
        var span = when - now;
        var abs = span.Duration();
        var text = abs.TotalMinutes < 1 ? (Language == "en" ? "now" : "maintenant")
            : abs.TotalHours < 1 ? $"{(int)abs.TotalMinutes} min"
            : abs.TotalDays < 1 ? $"{(int)abs.TotalHours} h {abs.Minutes:00}"
            : Language == "en" ? $"{(int)abs.TotalDays} d {abs.Hours} h" : $"{(int)abs.TotalDays} j {abs.Hours} h";
        if (abs.TotalMinutes < 1)
        {
            return text;
        }
        return span > TimeSpan.Zero
            ? (Language == "en" ? $"in {text}" : $"dans {text}")
            : (Language == "en" ? $"{text} ago" : $"il y a {text}");
    }

    /// <summary>An absolute time in a zone, short: "mar. 1 déc. 16:00" / "Tue 1 Dec 16:00".</summary>
    public string Absolute(DateTimeOffset when, string timeZone)
    {
        if (!Core.AcceptedTimes.Contains(when))
        {
            // Stored before dates were checked: shown as it is, never a broken page.
            return when.ToString("u", CultureInfo.InvariantCulture);
        }
        var zone = NodaTime.DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZone) ?? NodaTime.DateTimeZone.Utc;
        var local = NodaTime.Instant.FromDateTimeOffset(when).InZone(zone).ToDateTimeUnspecified();
        return local.ToString("ddd d MMM HH:mm", Culture);
    }

    /// <summary>A file size as people read it: 820 o / 14 Ko / 3,2 Mo (or B, KB, MB).</summary>
    public string Size(long bytes)
    {
        var (b, kb, mb) = Language == "en" ? ("B", "KB", "MB") : ("o", "Ko", "Mo");
        var culture = System.Globalization.CultureInfo.GetCultureInfo(Language == "en" ? "en-GB" : "fr-FR");
        return bytes < 1024 ? $"{bytes} {b}"
            : bytes < 1024 * 1024 ? string.Create(culture, $"{bytes / 1024.0:0} {kb}")
            : string.Create(culture, $"{bytes / (1024.0 * 1024):0.0} {mb}");
    }
}
