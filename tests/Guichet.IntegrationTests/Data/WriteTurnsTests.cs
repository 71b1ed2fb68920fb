using Guichet.Core.Cases;
using Guichet.Core.Data;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.IntegrationTests.Data;

/// <summary>
/// SQLite's one writer, shared by the server's work (issue 29): an agent's note waiting behind a
/// transaction of the background goes before background work that was waiting already.
/// </summary>
public sealed class WriteTurnsTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task An_agents_note_goes_before_background_writes_that_waited_longer()
    {
        var (opened, body) = await server.Api.PostJsonAsync("/api/cases", Contacts.French($"tour.{Guid.NewGuid():N}@example.fr"));
        opened.EnsureSuccessStatusCode();
        var caseId = long.Parse(body.Str("id"), System.Globalization.CultureInfo.InvariantCulture);
        var turns = server.Services.GetRequiredService<WriteTurns>();

        // The background's transaction (this test is no request) holds the writer, another waits.
        await using var holding = server.Services.CreateAsyncScope();
        var holder = holding.ServiceProvider.GetRequiredService<GuichetDb>();
        await using var held = await holder.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
        var waitingBackground = Task.Run(async () =>
        {
            await using var scope = server.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GuichetDb>();
            await using var tx = await db.Database.BeginTransactionAsync();
            // What the writer had committed when this one got its turn.
            return await db.CaseEvents.CountAsync(e => e.CaseId == caseId && e.Kind == CaseEventKind.Note && e.Detail == "d'abord");
        });
        await Until(() => turns.Waiting >= 1);

        var note = server.Api.PostJsonAsync($"/api/cases/{caseId}/notes", new { text = "d'abord" });
        await Until(() => turns.PeopleWaiting);
        Assert.False(note.IsCompleted);

        await held.CommitAsync(TestContext.Current.CancellationToken);
        var (noted, _) = await note;
        Assert.True(noted.IsSuccessStatusCode, $"the note answered {(int)noted.StatusCode}");
        Assert.Equal(1, await waitingBackground);
    }

    [Fact]
    public async Task The_intake_stores_what_it_has_written_and_gives_way_when_a_person_waits()
    {
        var ct = TestContext.Current.CancellationToken;
        var turns = server.Services.GetRequiredService<WriteTurns>();
        var settings = server.Services.GetRequiredService<Core.Email.MailIntakeSettings>();
        var mails = Core.Email.ReceiveEmail.Read([.. Enumerable.Range(0, 3).Select(n => System.Text.Encoding.UTF8.GetBytes(
            $"From: Cède {n} <cede.{n}.{Guid.NewGuid():N}@example.fr>\r\nTo: support@guichet.test\r\nSubject: Colis {n}\r\nMessage-ID: <{Guid.NewGuid():N}@example.fr>\r\n\r\nBonjour, où est mon colis {n} ?\r\n"))], settings, ct: ct);
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GuichetDb>();
        // The intake's transaction has the turn and a person waits for it.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var person = PersonWaitsAsync(turns, ct);
        try
        {
            Assert.True(turns.PeopleWaiting);
            var receipts = await scope.ServiceProvider.GetRequiredService<Core.Email.ReceiveEmail>().RunGivingWayAsync(mails, null, ct);
            Assert.Equal(Core.Email.InboundOutcome.Created, Assert.Single(receipts).Outcome);
            await tx.CommitAsync(ct);
            await person;
        }
        finally
        {
            turns.Exit(PersonOwner);
        }

        static async Task PersonWaitsAsync(WriteTurns turns, CancellationToken ct)
        {
            WriteTurns.ForPeople();
            await turns.EnterAsync(PersonOwner, TimeSpan.FromSeconds(20), ct);
        }
    }

    [Fact]
    public async Task A_transaction_whose_begin_fails_gives_its_turn_back()
    {
        var ct = TestContext.Current.CancellationToken;
        var turns = server.Services.GetRequiredService<WriteTurns>();
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GuichetDb>();
        var connection = (Microsoft.Data.Sqlite.SqliteConnection)db.Database.GetDbConnection();
        // Another process's writer (here a connection outside the server's turns) holds the file.
        await using (var other = new Microsoft.Data.Sqlite.SqliteConnection(connection.ConnectionString))
        {
            await other.OpenAsync(ct);
            await using var lockFile = other.CreateCommand();
            lockFile.CommandText = "BEGIN IMMEDIATE";
            await lockFile.ExecuteNonQueryAsync(ct);
            connection.DefaultTimeout = 1;
            var busy = await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => db.Database.BeginTransactionAsync(ct));
            Assert.Equal(5, busy.SqliteErrorCode);
        }
        // The turn is free: nobody waits for a context whose transaction never began.
        var next = new object();
        await turns.EnterAsync(next, TimeSpan.FromSeconds(5), ct);
        turns.Exit(next);
    }

    private static readonly object PersonOwner = new();

    // Waits for a state another task reaches (a queue joined), not for time to pass.
    private static async Task Until(Func<bool> reached)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!reached())
        {
            await Task.Delay(5, limit.Token);
        }
    }
}
