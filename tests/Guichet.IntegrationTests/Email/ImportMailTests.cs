using System.Text;
using Guichet.Core.Data;
using Guichet.Core.Email;
using Guichet.Hosting;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;

namespace Guichet.IntegrationTests.Email;

/// <summary>`guichet import mail` on a folder of .eml files and on an mbox, through the same intake.</summary>
[Collection(InProcessCli.Name)]
public sealed class ImportMailTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "guichet-import-" + Guid.NewGuid().ToString("N"));

    private static string Mail(string from, string subject, string id, string body) =>
        $"From: {from}\r\nTo: support@guichet.test\r\nSubject: {subject}\r\nMessage-ID: <{id}>\r\nDate: Fri, 27 Nov 2026 16:00:00 +0100\r\n\r\n{body}\r\n";

    [Fact]
    public async Task A_cut_mbox_imports_what_it_holds_and_keeps_the_damaged_tail()
    {
        var data = Path.Combine(_root, "cut-data");
        Directory.CreateDirectory(_root);
        var mbox = Path.Combine(_root, "cut.mbox");
        var whole = "From dan@example.fr Fri Nov 27 10:00:00 2026\n" + Mail("dan@example.fr", "Commande 1", "d1@example.fr", "Premier message.").Replace("\r\n", "\n", StringComparison.Ordinal) + "\n" +
            "From eve@example.fr Fri Nov 27 11:00:00 2026\n" + Mail("eve@example.fr", "Commande 2", "e1@example.fr", "Second message.").Replace("\r\n", "\n", StringComparison.Ordinal);
        // The copy stopped in the middle of the second message's separator line.
        var cut = whole[..(whole.IndexOf("From eve@", StringComparison.Ordinal) + 8)];
        await File.WriteAllTextAsync(mbox, cut, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), TestContext.Current.CancellationToken);

        Assert.Equal(0, await GuichetCli.Build().Parse(["import", "mail", mbox, "--data", data]).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken));

        await using var db = new SqliteGuichetDb(new DbContextOptionsBuilder<SqliteGuichetDb>().UseSqlite(DatabaseSetup.SqliteConnectionString(data)).Options);
        var stored = await db.InboundEmails.OrderBy(e => e.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, stored.Count);
        Assert.Equal((InboundOutcome.Created, "dan@example.fr"), (stored[0].Outcome, stored[0].From));
        Assert.Equal((InboundOutcome.Quarantined, "From eve"), (stored[1].Outcome, Encoding.UTF8.GetString(stored[1].Raw)));
    }

    [Fact]
    public async Task A_folder_and_an_mbox_go_through_the_intake_with_every_message_accounted_for()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, "eml")).FullName;
        var data = Path.Combine(_root, "data");
        await File.WriteAllTextAsync(Path.Combine(folder, "1.eml"), Mail("Ana <ana@example.fr>", "Sujet A", "a1@example.fr", "Première."), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, "2.eml"), Mail("ana@example.fr", "RE: Sujet A", "a2@example.fr", "Relance."), TestContext.Current.CancellationToken);
        File.Copy(Path.Combine(folder, "1.eml"), Path.Combine(folder, "3.eml"));
        await File.WriteAllBytesAsync(Path.Combine(folder, "4.eml"), [0, 1, 2, 3], TestContext.Current.CancellationToken);

        Assert.Equal(0, await GuichetCli.Build().Parse(["import", "mail", folder, "--data", data]).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken));

        var mbox = Path.Combine(_root, "archive.mbox");
        await File.WriteAllTextAsync(mbox,
            "From bob@example.fr Fri Nov 27 10:00:00 2026\n" + Mail("bob@example.fr", "Facture", "b1@example.fr", "Double débit.").Replace("\r\n", "\n", StringComparison.Ordinal) + "\n" +
            "From cleo@example.fr Fri Nov 27 11:00:00 2026\n" + Mail("cleo@example.fr", "Livraison", "c1@example.fr", "Colis abîmé.").Replace("\r\n", "\n", StringComparison.Ordinal),
            new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), TestContext.Current.CancellationToken);
        Assert.Equal(0, await GuichetCli.Build().Parse(["import", "mail", mbox, "--data", data]).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken));

        await using var db = new SqliteGuichetDb(new DbContextOptionsBuilder<SqliteGuichetDb>().UseSqlite(DatabaseSetup.SqliteConnectionString(data)).Options);
        var outcomes = await db.InboundEmails.GroupBy(e => e.Outcome).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, TestContext.Current.CancellationToken);
        Assert.Equal(3, outcomes[InboundOutcome.Created]);
        Assert.Equal(1, outcomes[InboundOutcome.Appended]);
        Assert.Equal(1, outcomes[InboundOutcome.Quarantined]);
        Assert.False(outcomes.ContainsKey(InboundOutcome.Duplicate), "a duplicate is answered, not stored again");
        Assert.Equal(3, await db.Cases.CountAsync(TestContext.Current.CancellationToken));
        var fromMbox = await db.InboundEmails.SingleAsync(e => e.MessageIdHeader == "<c1@example.fr>", TestContext.Current.CancellationToken);
        Assert.Contains("Colis abîmé.", Encoding.UTF8.GetString(fromMbox.Raw), StringComparison.Ordinal);
        Assert.DoesNotContain("Double débit", Encoding.UTF8.GetString(fromMbox.Raw), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
