using Guichet.Hosting.Auth;
using Guichet.Hosting;

namespace Guichet.Testing;

public class SqliteServer : GuichetServer
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "guichet-tests", Guid.NewGuid().ToString("N"));

    public override string Provider => "SQLite";

    protected override Task<ServeOptions> PrepareOptionsAsync() => Task.FromResult(new ServeOptions { DataDir = _dir });

    protected override Task CleanUpAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
        return Task.CompletedTask;
    }
}

/// <summary>A server started without --test-clock, to prove the clock route does not exist there.</summary>
public sealed class SqliteServerWithRealClock : SqliteServer
{
    public override bool TestClock => false;
}

/// <summary>A demo server whose test clock starts at a chosen instant.</summary>
public sealed class SqliteDemoServerAt(DateTimeOffset start) : SqliteServer
{
    public override DateTimeOffset ClockStart => start;
    public override bool Demo => true;
}

public sealed class SqliteDemoServer : SqliteServer
{
    public override bool Demo => true;
}

/// <summary>A server that also signs agents in through <see cref="TestIdentityProvider"/>, served beside it.</summary>
public sealed class SqliteOidcServer : SqliteServer
{
    public TestIdentityProvider IdentityProvider { get; } = new();

    protected override async Task<ServeOptions> PrepareOptionsAsync()
    {
        await IdentityProvider.StartAsync();
        var options = await base.PrepareOptionsAsync();
        return options with { Oidc = new OidcSettings(IdentityProvider.Authority, TestIdentityProvider.ClientId, TestIdentityProvider.ClientSecret, "Entreprise") };
    }

    protected override async Task CleanUpAsync()
    {
        await IdentityProvider.DisposeAsync();
        await base.CleanUpAsync();
    }
}
