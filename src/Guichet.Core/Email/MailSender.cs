using System.Globalization;
using System.Net.Mail;
using MimeKit;

namespace Guichet.Core.Email;

/// <summary>
/// Who wrote, as mature intakes read it (issue 22): the first usable address of From, then Sender,
/// then Reply-To. Usable means an addr-spec with a domain; a dotless domain (root@localhost,
/// admin@intranet) is one, a bare name or a local part alone is not. The address is kept lower
/// case with an internationalised domain in its Unicode form, so the punycode and Unicode spellings
/// are one customer. The name is the first display name found, else the address.
/// </summary>
public static class MailSender
{
    public sealed record Found(string Address, string Name, string? Raw);

    public static Found? Of(MimeMessage mail)
    {
        var candidates = mail.From.Mailboxes
            .Concat(mail.Sender is { } sender ? [sender] : [])
            .Concat(mail.ReplyTo.Mailboxes)
            .ToList();
        var name = candidates.Select(m => m.Name?.Trim()).FirstOrDefault(n => !string.IsNullOrEmpty(n));
        foreach (var mailbox in candidates)
        {
            if (Normalise(mailbox) is { } address)
            {
                return new Found(address, name ?? address, mailbox.Address);
            }
        }
        return null;
    }

    public static string? Normalise(MailboxAddress mailbox)
    {
        var local = mailbox.LocalPart?.Trim();
        var domain = mailbox.Domain?.Trim().TrimEnd('.');
        if (string.IsNullOrEmpty(local) || string.IsNullOrEmpty(domain) || local.Length > 64 || domain.Length > 253)
        {
            return null;
        }
        string ascii, unicode;
        try
        {
            var idn = new IdnMapping();
            ascii = idn.GetAscii(domain);
            unicode = idn.GetUnicode(ascii);
        }
        catch (ArgumentException)
        {
            return null;
        }
        // The framework's parser checks the whole addr-spec; a dotless domain is valid there, as in RFC 5321.
        if (!MailAddress.TryCreate($"{local}@{ascii}", out var parsed) || !parsed.Host.Equals(ascii, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        return $"{local}@{unicode}".ToLowerInvariant();
    }
}
