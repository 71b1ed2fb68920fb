using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;

namespace Guichet.Core.Email;

/// <summary>
/// Reads a mailbox's inbox and hands its raw messages to the intake in batches; they move to the
/// processed folder only after the intake committed them. A crash in between leaves them in the
/// inbox, and the next pass finds them duplicates and moves them: nothing is lost or doubled.
/// </summary>
public static class ImapIntake
{
    private const int Batch = 100;

    public static async Task<int> RunOnceAsync(ImapSettings mailbox, Func<IReadOnlyList<byte[]>, CancellationToken, Task> receive, CancellationToken ct)
    {
        using var imap = await ConnectAsync(mailbox, ct);
        var inbox = imap.Inbox;
        await inbox.OpenAsync(FolderAccess.ReadWrite, ct);
        var processed = await ProcessedFolderAsync(imap, mailbox.ProcessedFolder, ct);
        var uids = await inbox.SearchAsync(SearchQuery.All, ct);
        foreach (var chunk in uids.Chunk(Batch))
        {
            var raws = new List<byte[]>(chunk.Length);
            foreach (var uid in chunk)
            {
                // The message exactly as stored, byte for byte: the raw record keeps what arrived.
                await using var stream = await inbox.GetStreamAsync(uid, "", ct);
                using var buffer = new MemoryStream();
                await stream.CopyToAsync(buffer, ct);
                raws.Add(buffer.ToArray());
            }
            await receive(raws, ct);
            await inbox.MoveToAsync(chunk, processed, ct);
        }
        await imap.DisconnectAsync(quit: true, ct);
        return uids.Count;
    }

    /// <summary>
    /// Waits on the inbox with IMAP IDLE and calls <paramref name="arrived"/> whenever mail comes in
    /// (and every few minutes, as RFC 2177 asks clients to renew). Returns false at once when the
    /// server does not offer IDLE: the caller's polling then does the work alone.
    /// </summary>
    public static async Task<bool> WatchAsync(ImapSettings mailbox, Func<CancellationToken, Task> arrived, CancellationToken ct)
    {
        using var imap = await ConnectAsync(mailbox, ct);
        if (!imap.Capabilities.HasFlag(ImapCapabilities.Idle))
        {
            await imap.DisconnectAsync(quit: true, ct);
            return false;
        }
        var inbox = imap.Inbox;
        await inbox.OpenAsync(FolderAccess.ReadOnly, ct);
        while (!ct.IsCancellationRequested)
        {
            using var done = CancellationTokenSource.CreateLinkedTokenSource(ct);
            done.CancelAfter(TimeSpan.FromMinutes(9));
            var grew = false;
            void OnCountChanged(object? sender, EventArgs e)
            {
                grew = true;
                done.Cancel();
            }
            inbox.CountChanged += OnCountChanged;
            try
            {
                await imap.IdleAsync(done.Token, ct);
            }
            finally
            {
                inbox.CountChanged -= OnCountChanged;
            }
            if (grew)
            {
                await arrived(ct);
            }
            else
            {
                await imap.NoOpAsync(ct);
            }
        }
        return true;
    }

    private static async Task<ImapClient> ConnectAsync(ImapSettings mailbox, CancellationToken ct)
    {
        var imap = new ImapClient();
        try
        {
            await imap.ConnectAsync(mailbox.Host, mailbox.Port, mailbox.StartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
            await imap.AuthenticateAsync(mailbox.User, mailbox.Password, ct);
            return imap;
        }
        catch
        {
            imap.Dispose();
            throw;
        }
    }

    private static async Task<IMailFolder> ProcessedFolderAsync(ImapClient imap, string name, CancellationToken ct)
    {
        var root = imap.GetFolder(imap.PersonalNamespaces[0]);
        var existing = (await root.GetSubfoldersAsync(false, ct)).FirstOrDefault(f => f.Name == name);
        return existing ?? await root.CreateAsync(name, true, ct) ?? throw new InvalidOperationException($"The IMAP server refused to create the folder {name}.");
    }
}
