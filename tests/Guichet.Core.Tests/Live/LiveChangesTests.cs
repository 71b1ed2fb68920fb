using Guichet.Core.Audit;
using Guichet.Core.Cases.Tags;
using Guichet.Core.Data;
using Guichet.Core.Live;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Tests.Live;

/// <summary>
/// What counts as a change of a case (W1): rows hanging on a case move it, an audit line does not.
/// Found with issue 26: the case page framed a message's HTML, reading it wrote an audit line, the
/// audit line redrew the page, which read it again, for ever.
/// </summary>
public sealed class LiveChangesTests : IDisposable
{
    private readonly SqliteConnection connection = new("Data Source=:memory:;Foreign Keys=False");
    private readonly Bus bus = new();
    private readonly CaseChanges changes = new();

    public LiveChangesTests() => connection.Open();

    [Fact]
    public async Task An_audit_line_about_a_case_is_not_a_change_of_it_but_a_tag_is()
    {
        await using var db = Db();
        await db.Database.EnsureCreatedAsync(TestContext.Current.CancellationToken);
        var before = changes.Generation;
        db.AuditEntries.Add(new AuditEntry { Route = "GET /api/cases/{id}/messages/{messageId}/html", CaseId = 7, At = DateTimeOffset.UnixEpoch, Action = AuditAction.Viewed });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        Assert.Equal(before, changes.Generation);
        Assert.Empty(bus.Signals);

        db.CaseTags.Add(new CaseTag { CaseId = 7, Name = "vu" });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        Assert.NotEqual(before, changes.Generation);
        Assert.Contains(bus.Signals, s => s.Cases.Contains(7));
    }

    public void Dispose() => connection.Dispose();

    private SqliteGuichetDb Db() => new(new DbContextOptionsBuilder<SqliteGuichetDb>().UseSqlite(connection).AddInterceptors(new LiveChanges(bus, changes)).Options);

    private sealed class Bus : ILiveBus
    {
        private readonly System.Threading.Channels.Channel<LiveSignal> channel = System.Threading.Channels.Channel.CreateUnbounded<LiveSignal>();

        public List<LiveSignal> Signals { get; } = [];

        System.Threading.Channels.ChannelReader<LiveSignal> ILiveBus.Received => channel.Reader;

        public void Publish(LiveSignal signal) => Signals.Add(signal);
    }
}
