using System.CommandLine;
using Guichet.Features.Demo;
using Spectre.Console;

namespace Guichet.Hosting;

/// <summary>`guichet serve`: the web workspace, the API and the workers, with the banner that says where and who can sign in.</summary>
public static class ServeCommand
{
    public static Command Build()
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => ServeOptions.DefaultUrls };
        var data = CliOptions.Data();
        var database = CliOptions.Database();
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
        var maxMail = CliOptions.MaxMail();
        var trustedProxy = new Option<string[]>("--trusted-proxy")
        {
            Description = "A reverse proxy (IP address or CIDR network) whose X-Forwarded-For and X-Forwarded-Proto are believed; repeat for several. None by default.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        trustedProxy.Validators.Add(r =>
        {
            foreach (var proxy in r.GetValue(trustedProxy) ?? [])
            {
                if (!System.Net.IPNetwork.TryParse(proxy.Contains('/', StringComparison.Ordinal) ? proxy : proxy + (proxy.Contains(':', StringComparison.Ordinal) ? "/128" : "/32"), out _))
                {
                    r.AddError($"--trusted-proxy {proxy}: give an IP address (10.0.0.5) or a network (10.0.0.0/8).");
                }
            }
        });
        var publicUrl = new Option<string?>("--public-url") { Description = "The address customers reach Guichet at (https://support.example.com), used in the links sent to them; default: the first --urls." };

        var apiRate = new Option<int>("--api-rate")
        {
            Description = "API requests each caller (token or agent) may make per minute on each node; 0 for no limit.",
            DefaultValueFactory = _ => ServeOptions.DefaultApiRequestsPerMinute,
        };
        apiRate.Validators.Add(r =>
        {
            if (r.GetValue(apiRate) < 0)
            {
                r.AddError("--api-rate: give a number of requests per minute, 0 or more.");
            }
        });

        var oidcAuthority = new Option<Uri?>("--oidc-authority") { Description = "Also let agents sign in through this OpenID Connect provider (its issuer URL); client secret from GUICHET_OIDC_CLIENT_SECRET." };
        var oidcClient = new Option<string?>("--oidc-client-id") { Description = "Guichet's client id at the OpenID Connect provider.", DefaultValueFactory = _ => "guichet" };
        var oidcName = new Option<string?>("--oidc-name") { Description = "The provider's name on the sign-in button.", DefaultValueFactory = _ => "SSO" };

        var serve = new Command("serve", "Run the Guichet server: web workspace, API and workers.")
        {
            urls, data, database, demo, noDemo, testClock, clockStart, smtp, mailFrom, startTls, imap, imapTeam, maxMail, publicUrl, trustedProxy, apiRate, oidcAuthority, oidcClient, oidcName,
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
                TrustedProxies = parse.GetValue(trustedProxy) ?? [],
                ApiRequestsPerMinute = parse.GetValue(apiRate),
                Oidc = parse.GetValue(oidcAuthority) is { } authority
                    ? new OidcSettings(authority, parse.GetValue(oidcClient)!, Environment.GetEnvironmentVariable("GUICHET_OIDC_CLIENT_SECRET"), parse.GetValue(oidcName)!)
                    : null,
            };
            return await ServeAsync(options, ct);
        });

        return serve;
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
