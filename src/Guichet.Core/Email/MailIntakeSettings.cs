namespace Guichet.Core.Email;

/// <summary>Limits of the email intake. Over the size limit a message is kept whole in quarantine.</summary>
public sealed record MailIntakeSettings(int MaxMessageBytes = MailIntakeSettings.DefaultMaxMessageBytes)
{
    public const int DefaultMaxMessageBytes = 25 * 1024 * 1024;
}
