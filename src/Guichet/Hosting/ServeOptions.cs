namespace Guichet.Hosting;

/// <summary>What `guichet serve` was asked to do (CONTRACT "Running").</summary>
public sealed record ServeOptions
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public string Urls { get; init; } = DefaultUrls;
    /// <summary>Folder of the embedded SQLite database; ignored when <see cref="Database"/> is set.</summary>
    public string DataDir { get; init; } = "data";
    /// <summary>A PostgreSQL connection string; switches from SQLite to PostgreSQL.</summary>
    public string? Database { get; init; }
    public bool Demo { get; init; }
    /// <summary>Starts an adjustable clock moved by POST /api/admin/clock (CONTRACT "Time").</summary>
    public bool TestClock { get; init; }
    public DateTimeOffset? TestClockStart { get; init; }
    public string? AdminToken { get; init; }
    /// <summary>How often the promise watcher looks for due work; zero runs it only at start and on the test clock.</summary>
    public TimeSpan WatcherInterval { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>Team mailboxes read over IMAP; none by default (mail can still come through /api/inbound/email).</summary>
    public IReadOnlyList<Core.Email.ImapSettings> Mailboxes { get; init; } = [];
    /// <summary>Outgoing email; null keeps mail in the outbox (nothing is lost, nothing is sent).</summary>
    public Core.Email.SmtpSettings? Smtp { get; init; }
    /// <summary>Email larger than this is kept whole in quarantine instead of processed (issue 4: default 25 MB).</summary>
    public int MaxMessageBytes { get; init; } = Core.Email.MailIntakeSettings.DefaultMaxMessageBytes;
    /// <summary>Throwaway SQLite databases (simulations) skip the power-cut fsync on commit.</summary>
    public bool Disposable { get; init; }
    /// <summary>Sign-in through the company's identity provider, besides passwords; none by default.</summary>
    public OidcSettings? Oidc { get; init; }
    /// <summary>
    /// Reverse proxies (IP addresses or CIDR networks) whose X-Forwarded-For and X-Forwarded-Proto
    /// are believed (issue 21); none by default, so no client can pick the address the limits count.
    /// </summary>
    public IReadOnlyList<string> TrustedProxies { get; init; } = [];
    /// <summary>API requests each caller (a token, an agent, else an address) may make per minute on this node; 0: no limit (issue 25).</summary>
    public int ApiRequestsPerMinute { get; init; } = DefaultApiRequestsPerMinute;
    public const int DefaultApiRequestsPerMinute = 6000;
    /// <summary>Tests set this to keep the console quiet.</summary>
    public bool Quiet { get; init; }

    /// <summary>The address customers reach Guichet at, for the links sent to them (portal pages); default: the first of <see cref="Urls"/>.</summary>
    public string? PublicUrl { get; init; }

    public string PublicBaseUrl => (string.IsNullOrWhiteSpace(PublicUrl) ? Urls.Split(';', StringSplitOptions.RemoveEmptyEntries)[0] : PublicUrl).TrimEnd('/');

    /// <summary>Social channels by platform and their webhook secrets (from GUICHET_SOCIAL_SECRET_{PLATFORM}).</summary>
    public IReadOnlyDictionary<string, string> SocialSecrets { get; init; } = SocialSecretsFromEnvironment();

    public bool UsesPostgres => !string.IsNullOrWhiteSpace(Database);

    private static Dictionary<string, string> SocialSecretsFromEnvironment()
    {
        const string prefix = "GUICHET_SOCIAL_SECRET_";
        return Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .Where(e => e.Key is string k && k.StartsWith(prefix, StringComparison.Ordinal) && e.Value is string v && v.Length > 0)
            .ToDictionary(e => ((string)e.Key)[prefix.Length..].ToLowerInvariant().Replace('_', '-'), e => (string)e.Value!, StringComparer.Ordinal);
    }
}
