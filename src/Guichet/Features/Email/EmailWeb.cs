namespace Guichet.Features.Email;

/// <summary>
/// Email in the server: the intake endpoint and its group commit, team mailboxes over IMAP, the
/// SMTP outbox, attachments, and the mail to sort.
/// </summary>
public static class EmailWeb
{
    public static IServiceCollection AddEmailWeb(this IServiceCollection services, ServeOptions options)
    {
        if (options.Mailboxes.Count > 0)
        {
            services.AddDueWork<MailboxPollerService>();
        }
        services.AddBackgroundWork<InboundMailWriter>();
        // Always there, so /health reads it; only the outbox sender changes it.
        services.AddSingleton<Core.Email.SmtpStatus>();
        if (options.Smtp is { } smtp)
        {
            services.AddSingleton(smtp);
            services.AddScoped<Core.Email.DeliverOutbox>();
            services.AddDueWork<OutboxDispatcherService>();
        }
        return services;
    }

    public static void MapEmailWeb(this GuichetRoutes routes)
    {
        routes.Api.MapInboundEmail().MapAttachments();
        routes.Ui.MapEmailForms();
    }
}
