using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;

namespace Guichet.Core.Email;

/// <summary>
/// Reads a mailbox's inbox and hands each raw message to the intake; a message moves to the
/// processed folder only after the intake committed it. A crash in between leaves it in the
/// inbox, and the next pass finds it a duplicate and moves it: nothing is lost or doubled.
/// </summary>
public static class ImapIntake
{
    public static async Task<int> RunOnceAsync(ImapSettings mailbox, Func<byte[], CancellationToken, Task> receive, CancellationToken ct)
    {
        using var imap = new ImapClient();
        await imap.ConnectAsync(mailbox.Host, mailbox.Port, mailbox.StartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
        await imap.AuthenticateAsync(mailbox.User, mailbox.Password, ct);
        var inbox = imap.Inbox;
        await inbox.OpenAsync(FolderAccess.ReadWrite, ct);
        var processed = await ProcessedFolderAsync(imap, mailbox.ProcessedFolder, ct);
        var uids = await inbox.SearchAsync(SearchQuery.All, ct);
        foreach (var uid in uids)
        {
            // The message exactly as stored, byte for byte: the raw record keeps what arrived.
            await using var stream = await inbox.GetStreamAsync(uid, "", ct);
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, ct);
            await receive(buffer.ToArray(), ct);
            await inbox.MoveToAsync(uid, processed, ct);
        }
        await imap.DisconnectAsync(quit: true, ct);
        return uids.Count;
    }

    private static async Task<IMailFolder> ProcessedFolderAsync(ImapClient imap, string name, CancellationToken ct)
    {
        var root = imap.GetFolder(imap.PersonalNamespaces[0]);
        var existing = (await root.GetSubfoldersAsync(false, ct)).FirstOrDefault(f => f.Name == name);
        return existing ?? await root.CreateAsync(name, true, ct) ?? throw new InvalidOperationException($"The IMAP server refused to create the folder {name}.");
    }
}
