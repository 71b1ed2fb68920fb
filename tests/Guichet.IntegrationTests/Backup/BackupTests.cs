using Guichet.Core.Data;
using Guichet.Hosting;
using Guichet.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Guichet.IntegrationTests.Backup;

/// <summary>Issue 10: `guichet backup` while the database is being written, and `guichet restore` checked and reversible.</summary>
[Collection(InProcessCli.Name)]
public sealed class BackupTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "guichet-backup-" + Guid.NewGuid().ToString("N"));

    private static Task<int> CliAsync(params string[] args) =>
        GuichetCli.Build().Parse(args).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);

    private static SqliteGuichetDb Open(string data) =>
        new(new DbContextOptionsBuilder<SqliteGuichetDb>().UseSqlite(DatabaseSetup.SqliteConnectionString(data)).Options);

    [Fact]
    public async Task A_backup_taken_during_a_write_restores_the_committed_state_and_keeps_what_it_replaced()
    {
        var ct = TestContext.Current.CancellationToken;
        var data = Path.Combine(_root, "live");
        var mails = Directory.CreateDirectory(Path.Combine(_root, "mail")).FullName;
        for (var i = 0; i < 3; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(mails, $"{i}.eml"),
                $"From: client{i}@example.fr\r\nTo: support@guichet.test\r\nSubject: Commande {i}\r\nMessage-ID: <backup{i}@example.fr>\r\n\r\nOù est ma commande {i} ?\r\n", ct);
        }
        Assert.Equal(0, await CliAsync("import", "mail", mails, "--data", data));

        // A writer is in the middle of a transaction: the backup neither waits for it nor sees it.
        await using (var writer = new SqliteConnection(DatabaseSetup.SqliteConnectionString(data)))
        {
            await writer.OpenAsync(ct);
            await using var tx = (SqliteTransaction)await writer.BeginTransactionAsync(ct);
            await using (var update = writer.CreateCommand())
            {
                update.Transaction = tx;
                update.CommandText = "UPDATE \"Cases\" SET \"Subject\" = 'not committed'";
                Assert.Equal(3, await update.ExecuteNonQueryAsync(ct));
            }
            var backup = Path.Combine(_root, "backups", "guichet-1.db");
            Assert.Equal(0, await CliAsync("backup", backup, "--data", data));
            Assert.Equal(2, await CliAsync("backup", backup, "--data", data)); // never overwritten silently
            await tx.RollbackAsync(ct);
        }

        var restored = Path.Combine(_root, "restored");
        var file = Path.Combine(_root, "backups", "guichet-1.db");
        Assert.Equal(0, await CliAsync("restore", file, "--data", restored));
        await using (var db = Open(restored))
        {
            await db.Database.MigrateAsync(ct);
            var subjects = await db.Cases.OrderBy(c => c.Id).Select(c => c.Subject).ToListAsync(ct);
            Assert.Equal(["Commande 0", "Commande 1", "Commande 2"], subjects);
            Assert.Equal(6, await db.Messages.CountAsync(ct)); // each contact and its acknowledgment
        }

        // A database is there: refused without --force; with it, the old one is kept beside.
        Assert.Equal(2, await CliAsync("restore", file, "--data", restored));
        SqliteConnection.ClearAllPools();
        Assert.Equal(0, await CliAsync("restore", file, "--data", restored, "--force"));
        Assert.Single(Directory.GetFiles(restored, "guichet.db.before-restore-*"), f => !f.EndsWith("-wal", StringComparison.Ordinal) && !f.EndsWith("-shm", StringComparison.Ordinal));

        // A damaged file is refused and replaces nothing.
        var damaged = Path.Combine(_root, "damaged.db");
        await File.WriteAllBytesAsync(damaged, [.. "SQLite format 3\0"u8, .. new byte[4096]], ct);
        Assert.Equal(2, await CliAsync("restore", damaged, "--data", restored, "--force"));
        await using (var db = Open(restored))
        {
            Assert.Equal(3, await db.Cases.CountAsync(ct));
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
