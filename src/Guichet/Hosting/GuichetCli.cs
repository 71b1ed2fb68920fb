using System.CommandLine;
using Guichet.Features.Demo;
using Guichet.Features.Simulation;
using Spectre.Console;

namespace Guichet.Hosting;

/// <summary>The `guichet` command line. Later verbs (import, backup) join here and call the same operations.</summary>
public static class GuichetCli
{
    public static RootCommand Build()
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => ServeOptions.DefaultUrls };
        var data = DataOption();
        var database = new Option<string?>("--database") { Description = "A PostgreSQL connection string (Host=…;Database=…); switches to PostgreSQL." };
        var demo = new Option<bool>("--demo") { Description = "Load the demo teams, agents, customers and cases (only into an empty database)." };
        var noDemo = new Option<bool>("--no-demo") { Description = "Do not load demo data." };
        var testClock = new Option<bool>("--test-clock") { Description = "Use a clock that only POST /api/admin/clock moves." };
        var clockStart = new Option<DateTimeOffset?>("--test-clock-start") { Description = "Start time of the test clock (ISO 8601); default: now." };
        var smtp = new Option<string?>("--smtp") { Description = "Send outgoing email through this SMTP server, HOST:PORT (user and password from GUICHET_SMTP_USER / GUICHET_SMTP_PASSWORD)." };
        var mailFrom = new Option<string>("--mail-from") { Description = "The From address of outgoing email.", DefaultValueFactory = _ => "support@guichet.invalid" };
        var startTls = new Option<bool>("--smtp-starttls") { Description = "Require STARTTLS with the SMTP server." };
        var imap = new Option<string[]>("--imap")
        {
            Description = "Read a team mailbox over IMAP, USER@HOST:PORT[=TEAM]; repeat for several teams. Password from GUICHET_IMAP_PASSWORD_<TEAM> (upper case, - as _) or GUICHET_IMAP_PASSWORD.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var imapTeam = new Option<string?>("--imap-team") { Description = "The team for --imap mailboxes that name none (default: the default team)." };
        var maxMail = MaxMailOption();
        var publicUrl = new Option<string?>("--public-url") { Description = "The address customers reach Guichet at (https://support.example.com), used in the links sent to them; default: the first --urls." };

        var oidcAuthority = new Option<Uri?>("--oidc-authority") { Description = "Also let agents sign in through this OpenID Connect provider (its issuer URL); client secret from GUICHET_OIDC_CLIENT_SECRET." };
        var oidcClient = new Option<string?>("--oidc-client-id") { Description = "Guichet's client id at the OpenID Connect provider.", DefaultValueFactory = _ => "guichet" };
        var oidcName = new Option<string?>("--oidc-name") { Description = "The provider's name on the sign-in button.", DefaultValueFactory = _ => "SSO" };

        var serve = new Command("serve", "Run the Guichet server: web workspace, API and workers.")
        {
            urls, data, database, demo, noDemo, testClock, clockStart, smtp, mailFrom, startTls, imap, imapTeam, maxMail, publicUrl, oidcAuthority, oidcClient, oidcName,
        };
        serve.SetAction(async (parse, ct) =>
        {
            var options = new ServeOptions
            {
                Urls = parse.GetValue(urls)!,
                DataDir = parse.GetValue(data)!,
                Database = parse.GetValue(database),
                Demo = parse.GetValue(demo) && !parse.GetValue(noDemo),
                TestClock = parse.GetValue(testClock),
                TestClockStart = parse.GetValue(clockStart),
                AdminToken = Environment.GetEnvironmentVariable("GUICHET_ADMIN_TOKEN"),
                Smtp = SmtpFrom(parse.GetValue(smtp), parse.GetValue(mailFrom)!, parse.GetValue(startTls)),
                Mailboxes = (parse.GetValue(imap) ?? []).Select(m => ImapFrom(m, parse.GetValue(imapTeam))).ToList(),
                MaxMessageBytes = parse.GetValue(maxMail) * 1024 * 1024,
                PublicUrl = parse.GetValue(publicUrl),
                Oidc = parse.GetValue(oidcAuthority) is { } authority
                    ? new OidcSettings(authority, parse.GetValue(oidcClient)!, Environment.GetEnvironmentVariable("GUICHET_OIDC_CLIENT_SECRET"), parse.GetValue(oidcName)!)
                    : null,
            };
            return await ServeAsync(options, ct);
        });

        return new RootCommand("Guichet: a help desk that keeps its word.") { serve, Simulate(), Import(), Backup(), Restore() };
    }

    private static Command Backup()
    {
        var file = new Argument<string>("FILE") { Description = "Where to write the backup (a SQLite file)." };
        var data = DataOption();
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

    private static Command Restore()
    {
        var file = new Argument<string>("FILE") { Description = "A backup made by 'guichet backup'." };
        var data = DataOption();
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

    private static Option<string> DataOption() =>
        new("--data") { Description = "Folder of the embedded SQLite database.", DefaultValueFactory = _ => "data" };

    private static Option<int> MaxMailOption()
    {
        var option = new Option<int>("--mail-max-mb") { Description = "Email larger than this many MB is kept whole in quarantine, not processed.", DefaultValueFactory = _ => Core.Email.MailIntakeSettings.DefaultMaxMessageBytes / (1024 * 1024) };
        option.Validators.Add(r =>
        {
            if (r.GetValue(option) is < 1 or > 1024)
            {
                r.AddError("--mail-max-mb must be between 1 and 1024.");
            }
        });
        return option;
    }

    private static Command Import()
    {
        var path = new Argument<string>("PATH") { Description = "An .eml file, a folder of .eml files, or an mbox file." };
        var data = DataOption();
        var database = new Option<string?>("--database") { Description = "A PostgreSQL connection string; switches to PostgreSQL." };
        var team = new Option<string?>("--team") { Description = "The team that receives new cases (default: the default team)." };
        var maxMail = MaxMailOption();
        var mail = new Command("mail", "Import email through the same intake as the server: threading, duplicates, noise, quarantine.") { path, data, database, team, maxMail };
        mail.SetAction(async (parse, ct) =>
        {
            var source = parse.GetValue(path)!;
            if (!File.Exists(source) && !Directory.Exists(source))
            {
                AnsiConsole.MarkupLine($"[red]No such file or folder:[/] {Markup.Escape(source)}");
                return 2;
            }
            var options = new ServeOptions { DataDir = parse.GetValue(data)!, Database = parse.GetValue(database), MaxMessageBytes = parse.GetValue(maxMail) * 1024 * 1024 };
            var counts = await ImportMail.RunAsync(options, source, parse.GetValue(team), ct);
            var table = new Table().AddColumns("Outcome", "Messages");
            foreach (var (outcome, count) in counts.OrderBy(c => c.Key))
            {
                table.AddRow(outcome.ToString(), count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
            }
            AnsiConsole.Write(table);
            return 0;
        });
        var csvPath = new Argument<string>("FILE") { Description = "A CSV file with a header: name, email, phone, language, timeZone, salutation, assetKind, assetReference, assetLabel, assetDetails." };
        var customerData = DataOption();
        var customerDatabase = new Option<string?>("--database") { Description = "A PostgreSQL connection string; switches to PostgreSQL." };
        var customers = new Command("customers", "Import customers and their assets (equipment, orders, bookings) from a CSV file.") { csvPath, customerData, customerDatabase };
        customers.SetAction(async (parse, ct) =>
        {
            var file = parse.GetValue(csvPath)!;
            if (!File.Exists(file))
            {
                AnsiConsole.MarkupLine($"[red]No such file:[/] {Markup.Escape(file)}");
                return 2;
            }
            var report = await ImportCustomersCommand.RunAsync(new ServeOptions { DataDir = parse.GetValue(customerData)!, Database = parse.GetValue(customerDatabase) }, file, ct);
            AnsiConsole.MarkupLine($"{report.Rows:N0} rows: {report.Customers:N0} new customers, {report.Assets:N0} assets.");
            foreach (var error in report.Errors.Take(50))
            {
                AnsiConsole.MarkupLine($"[yellow]{Markup.Escape(error)}[/]");
            }
            return report.Errors.Count == 0 ? 0 : 1;
        });
        return new Command("import", "Bring existing data into Guichet.") { mail, customers, Incident() };
    }

    private static Command Incident()
    {
        var file = new Argument<string>("FILE") { Description = "A CSV file with a header: email, name, language, tier, paid (what the customer paid, for a refund share)." };
        var data = DataOption();
        var database = new Option<string?>("--database") { Description = "A PostgreSQL connection string; switches to PostgreSQL." };
        var incident = new Option<long?>("--incident") { Description = "The incident the customers were affected by (its number)." };
        var kind = new Option<string?>("--kind") { Description = "Declare a new incident of this kind (delay, cancellation, outage…) instead of naming one." };
        var title = new Option<string?>("--title") { Description = "The new incident's title, as customers will read it." };
        var team = new Option<string?>("--team") { Description = "The new incident's team (default: the default team)." };
        var target = new Option<int?>("--target-hours") { Description = "The new incident's target: every customer reached within this many hours (default 24)." };
        var asAgent = new Option<string?>("--as") { Description = "The email of the agent the gestures are recorded in the name of (default: the first admin)." };
        var command = new Command("incident", "Reach an incident's affected customers from a CSV file: an apology and the policy's gesture each, once.")
        {
            file, data, database, incident, kind, title, team, target, asAgent,
        };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                AnsiConsole.MarkupLine($"[red]No such file:[/] {Markup.Escape(path)}");
                return 2;
            }
            var declare = parse.GetValue(kind) is null && parse.GetValue(title) is null ? null
                : new Core.Incidents.IncidentRequest(parse.GetValue(kind), parse.GetValue(title), null, parse.GetValue(target), parse.GetValue(team));
            if ((declare is null) == (parse.GetValue(incident) is null))
            {
                AnsiConsole.MarkupLine("[red]Name the incident with --incident ID, or declare one with --kind and --title.[/]");
                return 2;
            }
            var result = await ImportIncidentCommand.RunAsync(new ServeOptions { DataDir = parse.GetValue(data)!, Database = parse.GetValue(database) }, path,
                new ImportIncidentCommand.Options(parse.GetValue(incident), declare, parse.GetValue(asAgent)), ct);
            if (!result.Succeeded)
            {
                foreach (var (field, messages) in result.Failure!.Errors)
                {
                    AnsiConsole.MarkupLine($"[red]{Markup.Escape(field)}:[/] {Markup.Escape(string.Join(" ", messages))}");
                }
                return 1;
            }
            var outcome = result.Value;
            AnsiConsole.MarkupLine($"{outcome.Lines:N0} rows: {outcome.Reached:N0} customers reached ({outcome.OnExistingCases:N0} on a case they had opened), {outcome.AlreadyReached:N0} reached before, {outcome.RefusedCount:N0} refused.");
            foreach (var refused in outcome.Refused.Take(50))
            {
                AnsiConsole.MarkupLine($"[yellow]{Markup.Escape(refused)}[/]");
            }
            return outcome.RefusedCount == 0 ? 0 : 1;
        });
        return command;
    }

    private static Command Simulate()
    {
        var customers = new Option<int>("--customers") { Description = "Customers who write in.", DefaultValueFactory = _ => 2000 };
        var agents = new Option<int>("--agents") { Description = "Agents answering.", DefaultValueFactory = _ => 5 };
        var days = new Option<int>("--days") { Description = "Days simulated.", DefaultValueFactory = _ => 30 };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed gives the same run.", DefaultValueFactory = _ => 1 };
        var rate = new Option<double>("--rate") { Description = "Cases one agent handles per business hour.", DefaultValueFactory = _ => 6 };
        var report = new Option<string?>("--report") { Description = "Also write the report as HTML with charts to this file." };
        var ceiling = new Option<int>("--ceiling-days") { Description = "The team's case ceiling in calendar days (SPEC P5).", DefaultValueFactory = _ => 30 };
        foreach (var positive in new[] { customers, agents, days, ceiling })
        {
            positive.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) { r.AddError($"{r.Option.Name} must be at least 1."); } });
        }
        var strike = new Command("strike", "Replay a strike surge through Guichet's own services with a virtual clock, and report how the promises held.")
        {
            customers, agents, days, seed, rate, report, ceiling,
        };
        strike.SetAction(async (parse, ct) =>
        {
            var options = new StrikeOptions
            {
                Customers = parse.GetValue(customers),
                Agents = parse.GetValue(agents),
                Days = parse.GetValue(days),
                Seed = parse.GetValue(seed),
                CasesPerAgentHour = parse.GetValue(rate),
                ReportPath = parse.GetValue(report),
                CeilingDays = parse.GetValue(ceiling),
            };
            StrikeReport? result = null;
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask($"Strike, seed {options.Seed}", maxValue: 1.0);
                    result = await new StrikeSimulation(options).RunAsync(done => task.Value = done, ct);
                });
            StrikeOutput.Print(result!);
            if (options.ReportPath is { } path)
            {
                await StrikeOutput.WriteHtmlAsync(result!, path, ct);
                AnsiConsole.MarkupLine($"Report written to [link]{Markup.Escape(Path.GetFullPath(path))}[/]");
            }
            return result!.SilentBreaches == 0 ? 0 : 1;
        });
        return new Command("simulate", "Simulations through the real application services.") { strike };
    }

    private static Core.Email.SmtpSettings? SmtpFrom(string? hostPort, string from, bool startTls)
    {
        if (string.IsNullOrWhiteSpace(hostPort))
        {
            return null;
        }
        var colon = hostPort.LastIndexOf(':');
        var (host, port) = colon > 0 && int.TryParse(hostPort[(colon + 1)..], out var p) ? (hostPort[..colon], p) : (hostPort, 25);
        return new Core.Email.SmtpSettings(host, port, from, startTls,
            Environment.GetEnvironmentVariable("GUICHET_SMTP_USER"), Environment.GetEnvironmentVariable("GUICHET_SMTP_PASSWORD"));
    }

    private static Core.Email.ImapSettings ImapFrom(string mailbox, string? defaultTeam)
    {
        var equals = mailbox.LastIndexOf('=');
        var team = equals > 0 ? mailbox[(equals + 1)..].Trim() : defaultTeam;
        var userHostPort = equals > 0 ? mailbox[..equals] : mailbox;
        var at = userHostPort.LastIndexOf('@');
        var user = at > 0 ? userHostPort[..at] : "";
        var hostPort = userHostPort[(at + 1)..];
        var colon = hostPort.LastIndexOf(':');
        var (host, port) = colon > 0 && int.TryParse(hostPort[(colon + 1)..], out var p) ? (hostPort[..colon], p) : (hostPort, 143);
        var password = (team is null ? null : Environment.GetEnvironmentVariable($"GUICHET_IMAP_PASSWORD_{team.ToUpperInvariant().Replace('-', '_')}"))
            ?? Environment.GetEnvironmentVariable("GUICHET_IMAP_PASSWORD") ?? "";
        return new Core.Email.ImapSettings(host, port, user, password, team);
    }

    public static async Task<int> ServeAsync(ServeOptions options, CancellationToken ct)
    {
        var app = GuichetHost.Build(options);
        var logins = await GuichetHost.PrepareAsync(app, options, ct);
        await app.StartAsync(ct);
        PrintBanner(options, app.Urls, logins);
        await app.WaitForShutdownAsync(ct);
        return 0;
    }

    private static void PrintBanner(ServeOptions options, ICollection<string> urls, IReadOnlyList<DemoLogin> logins)
    {
        var store = options.UsesPostgres ? "PostgreSQL" : $"SQLite in {DatabaseSetup.DatabaseFile(options.DataDir)}";
        AnsiConsole.MarkupLine($"[bold green]Guichet[/] is serving on [link]{Markup.Escape(string.Join(", ", urls))}[/] ({Markup.Escape(store)})");
        if (options.TestClock)
        {
            AnsiConsole.MarkupLine("[yellow]Test clock[/]: time moves only with POST /api/admin/clock.");
        }
        if (logins.Count > 0)
        {
            var table = new Table().AddColumns("Demo login", "Password", "Role", "Team");
            foreach (var login in logins)
            {
                table.AddRow(Markup.Escape(login.Email), Markup.Escape(login.Password), login.Role, Markup.Escape(login.Team));
            }
            AnsiConsole.Write(table);
        }
        if (!string.IsNullOrEmpty(options.AdminToken))
        {
            AnsiConsole.MarkupLine("API: GUICHET_ADMIN_TOKEN is accepted as an admin bearer token. OpenAPI: /openapi/v1.json");
        }
    }
}
