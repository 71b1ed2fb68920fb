using System.Globalization;
using Guichet.Core;
using Guichet.Core.Cases;
using Guichet.Core.Data;
using Guichet.Core.Metrics;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Metrics;

/// <summary>
/// The dashboard's and /api/metrics' filters from a query string: from and to (a date, or an ISO
/// 8601 time; to is inclusive of its day; by default the 30 days to the end of today), team (slug),
/// channel, by (grouping). Errors name the parameter.
/// </summary>
public sealed record MetricQuery(MetricFilter Filter, MetricGrouping Grouping)
{
    public static async Task<Result<MetricQuery>> ParseAsync(Func<string, string?> get, GuichetDb db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var now = clock.GetUtcNow();
        // By default the 30 days up to the end of today (UTC), as the dashboard's date fields show them.
        var to = Time(get("to"), "to", errors, endOfDay: true) ?? MetricFilter.EndOfDay(now);
        var from = Time(get("from"), "from", errors, endOfDay: false) ?? to.AddDays(-MetricFilter.DefaultDays);
        if (from >= to && !errors.Any)
        {
            errors.Add("from", "The period must start before it ends.");
        }
        var team = Blank(get("team"));
        if (team is not null && !await db.Teams.AnyAsync(t => t.Slug == team, ct))
        {
            errors.Add("team", $"There is no team '{team}'.");
        }
        Channel? channel = null;
        if (Blank(get("channel")) is { } channelText)
        {
            if (WireNames.TryParseWire<Channel>(channelText, out var parsed))
            {
                channel = parsed;
            }
            else
            {
                errors.Add("channel", $"'{channelText}' is not a channel; use email, portal, chat, phone, social or api.");
            }
        }
        var grouping = MetricGrouping.Team;
        if (Blank(get("by")) is { } byText && !WireNames.TryParseWire(byText, out grouping))
        {
            errors.Add("by", $"'{byText}' is not a grouping; use all, team, agent, channel, day, week or month.");
        }
        return errors.Any ? errors.ToFailure() : Result<MetricQuery>.Ok(new MetricQuery(new MetricFilter(from, to, team, channel), grouping));
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static DateTimeOffset? Time(string? text, string name, ValidationErrors errors, bool endOfDay)
    {
        if (Blank(text) is not { } value)
        {
            return null;
        }
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return AcceptedTimes.Check(start, name, errors) ? endOfDay ? start.AddDays(1) : start : null;
        }
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return AcceptedTimes.Check(time, name, errors) ? time.ToUniversalTime() : null;
        }
        errors.Add(name, $"'{value}' is not a date (2026-11-23) or an ISO 8601 time.");
        return null;
    }
}
