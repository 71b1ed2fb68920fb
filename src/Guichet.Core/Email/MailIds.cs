using MimeKit;

namespace Guichet.Core.Email;

/// <summary>Message-IDs as Guichet stores them: with angle brackets, as on the wire.</summary>
public static class MailIds
{
    public static string Bracket(string id) => id.StartsWith('<') ? id : $"<{id}>";

    /// <summary>How many ids of a thread are looked up: In-Reply-To and the References, newest first.</summary>
    public const int MaxThreadIds = 200;

    /// <summary>The ids a reply points at: In-Reply-To first, then References from the newest back.</summary>
    public static IEnumerable<string> Thread(MimeMessage mail)
    {
        if (!string.IsNullOrWhiteSpace(mail.InReplyTo))
        {
            yield return Bracket(mail.InReplyTo);
        }
        foreach (var id in mail.References.Reverse())
        {
            yield return Bracket(id);
        }
    }
}
