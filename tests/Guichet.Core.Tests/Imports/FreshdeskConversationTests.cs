using Guichet.Core.Imports;

namespace Guichet.Core.Tests.Imports;

/// <summary>The description first, then the conversations in time order, with who wrote them and for whom.</summary>
public class FreshdeskConversationTests
{
    [Fact]
    public async Task A_long_ticket_reads_in_order_with_its_notes_kept_private()
    {
        var comments = (await FreshdeskSample.CaseAsync("303")).Comments;

        Assert.Equal(11, comments.Count);
        Assert.Equal(("303:description", "48000000103", true), (comments[0].ExternalId, comments[0].AuthorExternalId, comments[0].Public));
        Assert.StartsWith("Bonjour, notre terminal affiche", comments[0].Text, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(9, 10).Select(n => $"480000100{n:00}"), comments.Skip(1).Select(c => c.ExternalId));
        Assert.Equal([true, true, true, false, false, true, true, false, false, false, true], comments.Select(c => c.Public));
        Assert.Equal(["103", "002", "103", "002", "002", "002", "103", "001", "004", "004", "002"], comments.Select(c => c.AuthorExternalId![^3..]));
        Assert.Equal(comments.Select(c => c.CreatedAt).Order(), comments.Select(c => c.CreatedAt));
    }

    [Fact]
    public async Task Replies_go_by_email_notes_nowhere_and_forwards_and_calls_keep_their_way()
    {
        var comments = (await FreshdeskSample.CaseAsync("303")).Comments.ToDictionary(c => c.ExternalId);
        var call = (await FreshdeskSample.CaseAsync("306")).Comments[1];

        Assert.Equal(Channel.Email, comments["48000010009"].Channel);
        Assert.Null(comments["48000010011"].Channel);
        Assert.Equal((Channel.Email, false), (comments["48000010012"].Channel!.Value, comments["48000010012"].Public));
        Assert.Equal((Channel.Phone, false, "48000010023"), (call.Channel!.Value, call.Public, call.ExternalId));
    }

    [Fact]
    public async Task An_html_only_message_keeps_its_html_with_empty_text()
    {
        var customer = (await FreshdeskSample.CaseAsync("307")).Comments[1];

        Assert.Equal(("", "48000000106", true), (customer.Text, customer.AuthorExternalId, customer.Public));
        Assert.StartsWith("<table>", customer.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_outbound_email_is_written_by_the_agent_to_the_requester()
    {
        var outbound = await FreshdeskSample.CaseAsync("309");

        Assert.Equal(("48000000103", "48000000001", Channel.Email),
            (outbound.RequesterExternalId, outbound.Comments[0].AuthorExternalId, outbound.Comments[0].Channel!.Value));
    }

    [Fact]
    public async Task Long_and_unicode_bodies_come_through_whole()
    {
        var log = (await FreshdeskSample.CaseAsync("311")).Comments[0];
        var receipt = await FreshdeskSample.CaseAsync("310");

        Assert.True(log.Html!.Length > 50_000 && log.Text.Length > 50_000);
        Assert.Equal("Reçu illisible : “€” devient “â‚¬” — 🧾 ✔ Ωmega", receipt.Subject);
        Assert.EndsWith("漢字 🙂", receipt.Comments[0].Text, StringComparison.Ordinal);
        Assert.Equal("Ça marche ! Merci 🙏", receipt.Comments[^1].Text);
    }
}
