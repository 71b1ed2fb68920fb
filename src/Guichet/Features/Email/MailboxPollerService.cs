using Guichet.Core.Email;

namespace Guichet.Features.Email;

/// <summary>
/// Reads every team mailbox given with `--imap`: at each tick (and when the test clock moves), and
/// at once when a server that offers IMAP IDLE says mail arrived. IDLE only rings the bell; the
/// reading itself is always the same pass, one at a time, so the two never fetch the same mail.
/// </summary>
public sealed class MailboxPollerService(IServiceScopeFactory scopes, ServeOptions options, ILogger<MailboxPollerService> logger)
    : PeriodicDueWork(scopes, options.WatcherInterval, logger)
{
    protected override string Name => "Mailbox poller";
    public override DueStage Stage => DueStage.Intake;

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        foreach (var mailbox in options.Mailboxes)
        {
            try
            {
                await ImapIntake.RunOnceAsync(mailbox, async (raws, token) =>
                {
                    // One scope and one commit per batch; the mails move only after it.
                    await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<ReceiveEmail>().RunAsync(raws, mailbox.Team, token);
                }, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One unreachable mailbox must not keep the others from being read.
                logger.LogError(e, "Mailbox {User}@{Host} could not be read; retrying at the next tick", mailbox.User, mailbox.Host);
            }
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll([base.ExecuteAsync(stoppingToken), .. options.Mailboxes.Select(m => WatchAsync(m, stoppingToken))]);

    private async Task WatchAsync(ImapSettings mailbox, CancellationToken ct)
    {
        var pause = TimeSpan.FromSeconds(5);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (!await ImapIntake.WatchAsync(mailbox, RunDueAsync, ct))
                {
                    logger.LogInformation("Mailbox {User}@{Host} does not offer IDLE; it is read at each tick", mailbox.User, mailbox.Host);
                    return;
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning("IDLE on {User}@{Host} stopped ({Error}); reconnecting in {Pause}", mailbox.User, mailbox.Host, e.GetType().Name, pause);
                await Task.Delay(pause, ct).ContinueWith(_ => { }, TaskScheduler.Default);
                pause = TimeSpan.FromSeconds(Math.Min(300, pause.TotalSeconds * 2));
            }
        }
    }
}
