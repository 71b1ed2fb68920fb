using System.Text.RegularExpressions;
using MimeKit;

namespace Guichet.Core.Email;

/// <summary>Why a message must never be acknowledged (loops and noise, H1).</summary>
public enum MailNoise
{
    None,
    /// <summary>An out-of-office or other answer a machine wrote for a person.</summary>
    AutoReply,
    /// <summary>A delivery failure: it may tie to the case whose mail bounced.</summary>
    Bounce,
    /// <summary>Mail sent to many (Precedence: bulk or junk): a newsletter, a campaign.</summary>
    Bulk,
    MailingList,
}

/// <summary>
/// The intake's noise step: which messages are not a person writing to the help desk. Read from
/// the headers mail software sets (RFC 3834 Auto-Submitted, RFC 3464 reports, Precedence, RFC 2369
/// list headers), and from what Exchange and Outlook set instead, since they send no
/// Auto-Submitted: an "Automatic reply:" subject with X-Auto-Response-Suppress.
/// </summary>
public static partial class MailNoiseFilter
{
    public static MailNoise Classify(MimeMessage mail)
    {
        var headers = mail.Headers;
        if (IsBounce(mail))
        {
            return MailNoise.Bounce;
        }
        var autoSubmitted = headers[HeaderId.AutoSubmitted];
        if (!string.IsNullOrEmpty(autoSubmitted) && !autoSubmitted.Trim().StartsWith("no", StringComparison.OrdinalIgnoreCase))
        {
            return MailNoise.AutoReply;
        }
        if (headers.Contains("X-Autoreply") || headers.Contains("X-Autorespond") || IsOutlookAutoReply(mail))
        {
            return MailNoise.AutoReply;
        }
        var precedence = headers[HeaderId.Precedence]?.Trim().ToLowerInvariant();
        if (precedence is "bulk" or "junk")
        {
            return MailNoise.Bulk;
        }
        if (precedence is "list" || headers.Contains(HeaderId.ListId) || headers.Contains(HeaderId.ListUnsubscribe))
        {
            return MailNoise.MailingList;
        }
        return MailNoise.None;
    }

    /// <summary>A delivery report, or mail from the mail system itself: MAILER-DAEMON, postmaster, or naming the recipients that failed.</summary>
    private static bool IsBounce(MimeMessage mail)
    {
        if (mail.Body is MultipartReport report && report.ReportType?.Equals("delivery-status", StringComparison.OrdinalIgnoreCase) == true)
        {
            return true;
        }
        var from = mail.From.Mailboxes.FirstOrDefault()?.LocalPart ?? "";
        return from.Equals("mailer-daemon", StringComparison.OrdinalIgnoreCase) || from.Equals("postmaster", StringComparison.OrdinalIgnoreCase)
            || mail.Headers.Contains("X-Failed-Recipients");
    }

    /// <summary>
    /// Exchange marks its own automatic replies with X-Auto-Response-Suppress and a subject prefix in
    /// the mailbox's language; a person's reply carries the header too (Outlook sets it on
    /// meeting answers), so both are needed.
    /// </summary>
    private static bool IsOutlookAutoReply(MimeMessage mail) =>
        mail.Headers.Contains("X-Auto-Response-Suppress") && mail.Subject is { } subject && AutoReplySubject().IsMatch(subject);

    /// <summary>The Message-IDs a bounce reports on: the returned message's or headers' (text/rfc822-headers is a message part too), quoted header lines, else its references.</summary>
    public static IEnumerable<string> BouncedIds(MimeMessage mail)
    {
        foreach (var part in mail.BodyParts.OfType<MessagePart>())
        {
            if (part.Message?.MessageId is { } id)
            {
                yield return MailIds.Bracket(id);
            }
        }
        // A bounce without a report part often quotes the returned message's headers as text.
        foreach (var text in mail.BodyParts.OfType<TextPart>().Where(t => t.IsPlain))
        {
            foreach (Match quoted in QuotedMessageId().Matches(text.Text ?? ""))
            {
                yield return quoted.Groups[1].Value;
            }
        }
        foreach (var id in MailIds.Thread(mail))
        {
            yield return id;
        }
    }

    /// <summary>The first case reference a bounce quotes: in a returned message's subject, or in its text.</summary>
    public static string? BouncedReference(MimeMessage mail) =>
        mail.BodyParts.OfType<MessagePart>().Select(p => CaseReferenceToken.Find(p.Message?.Subject)).FirstOrDefault(r => r is not null)
        ?? mail.BodyParts.OfType<TextPart>().Where(t => t.IsPlain).Select(t => CaseReferenceToken.Find(t.Text)).FirstOrDefault(r => r is not null);

    [GeneratedRegex(@"^\s*(automatic reply|auto(matic)?[- ]?reply|out of (the )?office|réponse automatique|absence du bureau|automatische antwort|respuesta automática|risposta automatica)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AutoReplySubject();

    [GeneratedRegex(@"^\s*Message-ID:\s*(<[^<>\s]{1,900}>)", RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex QuotedMessageId();
}
