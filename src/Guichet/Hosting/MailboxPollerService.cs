using Guichet.Core.Email;

namespace Guichet.Hosting;

/// <summary>Polls the team mailbox given with `--imap` (IDLE can come later; polling works with every server).</summary>
public sealed class MailboxPollerService(IServiceScopeFactory scopes, ServeOptions options, ILogger<MailboxPollerService> logger)
    : PeriodicDueWork(scopes, options.WatcherInterval, logger)
{
    protected override string Name => "Mailbox poller";

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken ct) =>
        ImapIntake.RunOnceAsync(options.Imap!, async (raw, token) =>
        {
            // One scope per message: each commits on its own, and the change tracker starts empty.
            await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ReceiveEmail>().RunAsync(raw, options.Imap!.Team, token);
        }, ct);
}
