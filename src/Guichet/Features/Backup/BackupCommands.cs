using System.CommandLine;
using Spectre.Console;

namespace Guichet.Features.Backup;

/// <summary>`guichet backup FILE` and `guichet restore FILE` for the embedded SQLite database.</summary>
public static class BackupCommands
{
    public static Command Backup()
    {
        var file = new Argument<string>("FILE") { Description = "Where to write the backup (a SQLite file)." };
        var data = CliOptions.Data();
        var force = new Option<bool>("--force") { Description = "Replace FILE if it exists." };
        var database = new Option<string?>("--database") { Description = "A PostgreSQL connection string: Guichet points you to pg_dump." };
        var command = new Command("backup", "Copy the SQLite database to FILE while the server runs: one consistent snapshot, checked.") { file, data, force, database };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(database) is not null)
            {
                AnsiConsole.MarkupLine("[yellow]PostgreSQL is backed up with its own tool:[/] pg_dump --format=custom --file=guichet.dump \"$CONNECTION\" (README, Backups).");
                return 2;
            }
            var target = parse.GetValue(file)!;
            if (File.Exists(target) && !parse.GetValue(force))
            {
                AnsiConsole.MarkupLine($"[red]{Markup.Escape(target)} exists;[/] give --force to replace it.");
                return 2;
            }
            if (File.Exists(target))
            {
                File.Delete(target);
            }
            try
            {
                var summary = await SqliteBackup.BackUpAsync(parse.GetValue(data)!, target, ct);
                AnsiConsole.MarkupLine($"Backed up to {Markup.Escape(Path.GetFullPath(target))}: {summary.Bytes / 1024.0 / 1024:N1} MB, {summary.Cases:N0} cases, {summary.Messages:N0} messages, integrity {Markup.Escape(summary.Integrity)}.");
                return summary.Integrity == "ok" ? 0 : 1;
            }
            catch (FileNotFoundException e)
            {
                AnsiConsole.MarkupLine($"[red]{Markup.Escape(e.Message)}[/]");
                return 2;
            }
        });
        return command;
    }

    public static Command Restore()
    {
        var file = new Argument<string>("FILE") { Description = "A backup made by 'guichet backup'." };
        var data = CliOptions.Data();
        var force = new Option<bool>("--force") { Description = "Replace the database there (stop the server first); it is kept beside it." };
        var command = new Command("restore", "Put a backup in place of the SQLite database, after checking it. Start the server afterwards: it brings the schema up to date.") { file, data, force };
        command.SetAction(async (parse, ct) =>
        {
            var backup = parse.GetValue(file)!;
            if (!File.Exists(backup))
            {
                AnsiConsole.MarkupLine($"[red]No such file:[/] {Markup.Escape(backup)}");
                return 2;
            }
            try
            {
                var (summary, kept) = await SqliteBackup.RestoreAsync(backup, parse.GetValue(data)!, parse.GetValue(force), TimeProvider.System, ct);
                AnsiConsole.MarkupLine($"Restored {summary.Cases:N0} cases and {summary.Messages:N0} messages into {Markup.Escape(DatabaseSetup.DatabaseFile(parse.GetValue(data)!))}.");
                if (kept is not null)
                {
                    AnsiConsole.MarkupLine($"The database it replaced is kept as {Markup.Escape(kept)}.");
                }
                return 0;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or Microsoft.Data.Sqlite.SqliteException)
            {
                AnsiConsole.MarkupLine($"[red]Not restored:[/] {Markup.Escape(e.Message)}");
                return 2;
            }
        });
        return command;
    }
}
