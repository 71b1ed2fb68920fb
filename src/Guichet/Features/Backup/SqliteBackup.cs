using Microsoft.Data.Sqlite;

namespace Guichet.Features.Backup;

/// <summary>
/// Backups of the embedded database (issue 10). `VACUUM INTO` copies one consistent snapshot
/// while the server keeps working: in WAL mode it reads as of its start and never waits for, or
/// blocks, a writer. Restore checks the file before anything is replaced, and keeps the database
/// it replaces beside it. PostgreSQL is backed up with its own pg_dump (README).
/// </summary>
public static class SqliteBackup
{
    public sealed record Summary(long Bytes, long Cases, long Messages, string Integrity);

    public static async Task<Summary> BackUpAsync(string dataDir, string target, CancellationToken ct)
    {
        var source = DatabaseSetup.DatabaseFile(dataDir);
        if (!File.Exists(source))
        {
            throw new FileNotFoundException($"There is no Guichet database at {source}.");
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString()))
        {
            await connection.OpenAsync(ct);
            await using var vacuum = connection.CreateCommand();
            vacuum.CommandText = "VACUUM INTO $target";
            vacuum.Parameters.AddWithValue("$target", Path.GetFullPath(target));
            await vacuum.ExecuteNonQueryAsync(ct);
        }
        return await CheckAsync(target, ct);
    }

    /// <summary>Opens a backup read-only: SQLite's integrity check, and Guichet's tables in it.</summary>
    public static async Task<Summary> CheckAsync(string file, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(file), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(ct);
        async Task<string> Scalar(string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToString(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) ?? "";
        }
        var integrity = await Scalar("PRAGMA integrity_check");
        var cases = long.Parse(await Scalar("SELECT count(*) FROM \"Cases\""), System.Globalization.CultureInfo.InvariantCulture);
        var messages = long.Parse(await Scalar("SELECT count(*) FROM \"Messages\""), System.Globalization.CultureInfo.InvariantCulture);
        return new Summary(new FileInfo(file).Length, cases, messages, integrity);
    }

    /// <summary>Puts a checked backup in place; the database it replaces (with its WAL) is kept as guichet.db.before-restore-….</summary>
    public static async Task<(Summary Restored, string? Kept)> RestoreAsync(string backup, string dataDir, bool force, TimeProvider clock, CancellationToken ct)
    {
        var summary = await CheckAsync(backup, ct);
        if (summary.Integrity != "ok")
        {
            throw new InvalidDataException($"The backup fails SQLite's integrity check: {summary.Integrity}");
        }
        var target = DatabaseSetup.DatabaseFile(dataDir);
        string? kept = null;
        if (File.Exists(target))
        {
            if (!force)
            {
                throw new IOException($"A database is already at {target}. Stop the server, then give --force to replace it (it is kept beside it).");
            }
            SqliteConnection.ClearAllPools();
            kept = $"{target}.before-restore-{clock.GetUtcNow():yyyyMMddTHHmmss}";
            File.Move(target, kept);
            foreach (var side in new[] { "-wal", "-shm" })
            {
                if (File.Exists(target + side))
                {
                    File.Move(target + side, kept + side);
                }
            }
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(backup, target);
        return (summary, kept);
    }
}
