using System.Text.Json;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Metrics;

/// <summary>
/// The dashboard's sums kept per day (issue 29, decision 0041): a period's figures read its days'
/// rollup rows — a few per team, owner and channel a day — instead of every case, and read the rows
/// themselves only for the days not rolled up yet (changed since) and for the parts of days at the
/// period's ends. So the figures are always those of the rows, whichever way they were read.
/// </summary>
public static class FigureRollups
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    public static async Task<FigureParts> ReadAsync(GuichetDb db, MetricFilter filter, CancellationToken ct)
    {
        var first = StartOfDay(filter.From) == filter.From ? filter.From : StartOfDay(filter.From) + Day;
        var end = StartOfDay(filter.To);
        if (first >= end)
        {
            return await FigureParts.ReadLiveAsync(db, filter, ct);
        }
        var dirty = (await db.FigureDirtyDays.AsNoTracking().Where(d => d.Day >= first && d.Day < end && d.Version > d.RolledVersion).Select(d => d.Day).Distinct().ToListAsync(ct)).ToHashSet();
        var parts = new FigureParts();
        foreach (var (from, to) in LiveRanges(filter, first, end, dirty))
        {
            parts.Add(await FigureParts.ReadLiveAsync(db, filter with { From = from, To = to }, ct));
        }
        var rows = db.FigureRollups.AsNoTracking().Where(r => r.Day >= first && r.Day < end);
        if (filter.Team is { } slug)
        {
            var team = await db.Teams.Where(t => t.Slug == slug).Select(t => (long?)t.Id).FirstOrDefaultAsync(ct) ?? -1;
            rows = rows.Where(r => r.TeamId == team);
        }
        if (filter.Channel is { } channel)
        {
            rows = rows.Where(r => r.Channel == channel);
        }
        foreach (var row in await rows.ToListAsync(ct))
        {
            if (!dirty.Contains(row.Day))
            {
                Add(parts, row);
            }
        }
        return parts;
    }

    /// <summary>
    /// Rolls up to <paramref name="maxDays"/> out-of-date days, newest first (the dashboard's month
    /// first), passing over those <paramref name="later"/> names (rolled up moments ago: a day that
    /// changes all the time is read from its rows meanwhile, which costs one day). On SQLite the day
    /// is read outside the write lock and written only if nothing changed it meanwhile; on PostgreSQL
    /// the day's marks are taken in the transaction that reads it, and one node at a time does this.
    /// Returns the days rolled up.
    /// </summary>
    public static async Task<List<DateTimeOffset>> RefreshAsync(GuichetDb db, int maxDays, CancellationToken ct, Func<DateTimeOffset, bool>? later = null)
    {
        var marked = await db.FigureDirtyDays.AsNoTracking().Where(d => d.Version > d.RolledVersion).Select(d => d.Day).Distinct().OrderByDescending(d => d).ToListAsync(ct);
        var done = new List<DateTimeOffset>();
        foreach (var day in marked.Where(d => later?.Invoke(d) != true).Take(maxDays))
        {
            if (db.Database.IsNpgsql() ? await RefreshOnPostgresAsync(db, day, ct) : await RefreshOnSqliteAsync(db, day, ct))
            {
                done.Add(day);
            }
        }
        return done;
    }

    private static async Task<bool> RefreshOnSqliteAsync(GuichetDb db, DateTimeOffset day, CancellationToken ct)
    {
        var version = await db.FigureDirtyDays.AsNoTracking().Where(d => d.Day == day && d.Version > d.RolledVersion).Select(d => (long?)d.Version).SingleOrDefaultAsync(ct);
        if (version is null)
        {
            return false;
        }
        // Any change from now on moves the version up: the day then stays out of date and is read again.
        var parts = await FigureParts.ReadLiveAsync(db, new MetricFilter(day, day + Day), ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.FigureDirtyDays.Where(d => d.Day == day && d.Version == version).ExecuteUpdateAsync(d => d.SetProperty(x => x.RolledVersion, version), ct) == 0)
        {
            return false;
        }
        await ReplaceAsync(db, day, parts, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    private static async Task<bool> RefreshOnPostgresAsync(GuichetDb db, DateTimeOffset day, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock(290029) AS \"Value\"").SingleAsync(ct))
        {
            return false;
        }
        // Marks committed from now on are not taken: their day is read again by the next pass.
        if (await db.FigureDirtyDays.Where(d => d.Day == day).ExecuteDeleteAsync(ct) == 0)
        {
            return false;
        }
        await ReplaceAsync(db, day, await FigureParts.ReadLiveAsync(db, new MetricFilter(day, day + Day), ct), ct);
        await tx.CommitAsync(ct);
        return true;
    }

    private static async Task ReplaceAsync(GuichetDb db, DateTimeOffset day, FigureParts parts, CancellationToken ct)
    {
        await db.FigureRollups.Where(r => r.Day == day).ExecuteDeleteAsync(ct);
        db.FigureRollups.AddRange(parts.Effort.Select(p => Row(day, FigureKind.Effort, p.Key, JsonSerializer.Serialize(p.Value))));
        db.FigureRollups.AddRange(parts.Promises.Select(p => Row(day, FigureKind.Promises, p.Key, JsonSerializer.Serialize(p.Value))));
        db.FigureRollups.AddRange(parts.Surveys.Select(p => Row(day, FigureKind.Surveys, p.Key, JsonSerializer.Serialize(p.Value))));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static FigureRollup Row(DateTimeOffset day, FigureKind kind, FigureKey key, string data) =>
        new() { Day = day, Kind = kind, TeamId = key.TeamId, Channel = key.Channel, OwnerId = key.OwnerId, Data = data };

    private static void Add(FigureParts parts, FigureRollup row)
    {
        var key = new FigureKey(DateOnly.FromDateTime(row.Day.UtcDateTime), row.TeamId, row.Channel, row.OwnerId);
        switch (row.Kind)
        {
            case FigureKind.Effort:
                FigureParts.Of(parts.Effort, key).Add(JsonSerializer.Deserialize<EffortSums>(row.Data)!);
                break;
            case FigureKind.Promises:
                FigureParts.Of(parts.Promises, key).Add(JsonSerializer.Deserialize<PromiseSums>(row.Data)!);
                break;
            case FigureKind.Surveys:
                FigureParts.Of(parts.Surveys, key).Add(JsonSerializer.Deserialize<SurveySums>(row.Data)!);
                break;
        }
    }

    /// <summary>The parts of the period read from the rows: its ends' partial days and the marked days, adjacent ones together.</summary>
    private static List<(DateTimeOffset From, DateTimeOffset To)> LiveRanges(MetricFilter filter, DateTimeOffset first, DateTimeOffset end, HashSet<DateTimeOffset> dirty)
    {
        var ranges = new List<(DateTimeOffset From, DateTimeOffset To)>();
        void Take(DateTimeOffset from, DateTimeOffset to)
        {
            if (ranges.Count > 0 && ranges[^1].To == from)
            {
                ranges[^1] = (ranges[^1].From, to);
            }
            else if (from < to)
            {
                ranges.Add((from, to));
            }
        }
        Take(filter.From, first);
        foreach (var day in dirty.Order())
        {
            Take(day, day + Day);
        }
        Take(end, filter.To);
        return ranges;
    }

    public static DateTimeOffset StartOfDay(DateTimeOffset at) => new(at.UtcDateTime.Date, TimeSpan.Zero);
}
