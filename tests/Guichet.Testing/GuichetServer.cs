using System.Net.Http.Headers;
using Guichet.Core.Data;
using Guichet.Hosting;
using Guichet.Hosting.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Testing;

/// <summary>
/// A real Guichet server on a free 127.0.0.1 port, on a real database, with the test clock
/// starting Friday 27 November 2026 at 16:00 in Paris. One per test class.
/// </summary>
public abstract class GuichetServer : IAsyncLifetime
{
    public const string AdminToken = "test-admin-token";
    public static readonly DateTimeOffset Start = new(2026, 11, 27, 15, 0, 0, TimeSpan.Zero);

    private WebApplication? _app;
    // Every node this fixture started, restarts and second nodes included.
    private readonly List<UnhandledErrors> _errors = [];
    private ServeOptions? _options;

    /// <summary>Why this server cannot run here (e.g. no PostgreSQL); tests skip with this reason.</summary>
    public string? SkipReason { get; protected set; }
    public virtual bool TestClock => true;
    public virtual DateTimeOffset ClockStart => Start;
    /// <summary>Start as `guichet serve --demo` does: the demo written before the server starts.</summary>
    public virtual bool Demo => false;
    /// <summary>The API budget per caller and minute; off unless a test is about it (a class shares one frozen minute).</summary>
    public virtual int ApiRequestsPerMinute => 0;
    public HttpClient Api { get; private set; } = null!;
    public HttpClient Anonymous { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;
    public abstract string Provider { get; }

    /// <summary>The webhook secret of the test servers' Facebook channel.</summary>
    public const string FacebookSecret = "facebook-test-secret";

    protected abstract Task<ServeOptions> PrepareOptionsAsync();
    protected virtual Task CleanUpAsync() => Task.CompletedTask;

    public async ValueTask InitializeAsync()
    {
        var options = await PrepareOptionsAsync();
        if (SkipReason is not null)
        {
            return;
        }
        options = options with
        {
            Urls = "http://127.0.0.1:0",
            TestClock = TestClock,
            TestClockStart = ClockStart,
            AdminToken = AdminToken,
            Quiet = true,
            WatcherInterval = TimeSpan.Zero,
            Demo = Demo,
            ApiRequestsPerMinute = ApiRequestsPerMinute,
            SocialSecrets = new Dictionary<string, string> { ["facebook"] = FacebookSecret },
        };
        _options = options;
        _app = await StartHostAsync(options);
        BaseAddress = new Uri(_app.Urls.First());
        Api = new HttpClient { BaseAddress = BaseAddress };
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        Anonymous = new HttpClient { BaseAddress = BaseAddress };
    }

    public async ValueTask DisposeAsync()
    {
        Api?.Dispose();
        Anonymous?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        await CleanUpAsync();
        GC.SuppressFinalize(this);
        // A request never answers 500 for bad input (issue 21): the test class fails if any did.
        var unhandled = _errors.SelectMany(e => e.Seen).ToList();
        if (unhandled.Count > 0)
        {
            throw new Xunit.Sdk.XunitException($"{unhandled.Count} request(s) ended in an unhandled exception:\n{string.Join("\n", unhandled.Take(20))}");
        }
    }

    private async Task<WebApplication> StartHostAsync(ServeOptions options)
    {
        var app = GuichetHost.Build(options);
        _errors.Add(app.Services.GetRequiredService<UnhandledErrors>());
        await GuichetHost.PrepareAsync(app, options, default);
        await app.StartAsync();
        return app;
    }

    /// <summary>
    /// Stops the server and starts it again on the same database with its clock at
    /// <paramref name="clockStart"/>, as after a crash, a deploy or an outage.
    /// </summary>
    public async Task RestartAsync(DateTimeOffset clockStart)
    {
        await _app!.StopAsync();
        await _app.DisposeAsync();
        _app = await StartHostAsync(_options! with { TestClockStart = clockStart, Urls = BaseAddress.ToString().TrimEnd('/') });
    }

    /// <summary>A second server process on the same database (its own clock, starting at <paramref name="clockStart"/>).</summary>
    public Task<WebApplication> StartAnotherHostAsync(DateTimeOffset clockStart) =>
        StartHostAsync(_options! with { TestClockStart = clockStart, Urls = "http://127.0.0.1:0" });

    /// <summary>Adds an agent who can sign in (so notifications reach them), in the default team unless named.</summary>
    public Task<long> AddAgentAsync(string email, string name, Core.Agents.AgentRole role) => ReadDbAsync(async db =>
    {
        var existing = db.Agents.FirstOrDefault(a => a.Email == email);
        if (existing is not null)
        {
            return existing.Id;
        }
        var agent = new Core.Agents.Agent { Email = email, Name = name, Role = role, Team = db.Teams.OrderBy(t => t.Id).First(), PasswordHash = "not-used-here" };
        db.Agents.Add(agent);
        await db.SaveChangesAsync();
        return agent.Id;
    });

    /// <summary>Moves time forward through the API, which also runs what became due.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        var (response, _) = await Api.PostJsonAsync("/api/admin/clock", new { advance = System.Xml.XmlConvert.ToString(by) });
        Assert.True(response.IsSuccessStatusCode, $"clock advance failed: {response.StatusCode}");
    }

    public AdjustableClock Clock => (AdjustableClock)_app!.Services.GetRequiredService<TimeProvider>();

    public void SkipIfUnavailable() => Assert.SkipWhen(SkipReason is not null, SkipReason ?? "");

    /// <summary>Reads the database directly, to prove what was or was not written.</summary>
    public async Task<T> ReadDbAsync<T>(Func<GuichetDb, Task<T>> read)
    {
        await using var scope = _app!.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<GuichetDb>());
    }

    public IServiceProvider Services => _app!.Services;
}
