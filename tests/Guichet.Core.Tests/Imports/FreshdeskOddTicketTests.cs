using Guichet.Core.Imports;

namespace Guichet.Core.Tests.Imports;

/// <summary>Merged, spam and trashed tickets, which Freshdesk marks each its own way.</summary>
public class FreshdeskOddTicketTests
{
    [Fact]
    public async Task A_merged_ticket_is_closed_into_the_one_its_note_names()
    {
        var merged = await FreshdeskSample.CaseAsync("304");
        var target = await FreshdeskSample.CaseAsync("305");

        Assert.Equal(("305", ImportedStatus.Closed), (merged.MergedInto, merged.Status));
        Assert.Null(target.MergedInto);
        Assert.Contains(target.Comments, c => !c.Public && c.Text.StartsWith("Merged ticket #304", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_spam_ticket_is_closed_and_tagged_spam_with_its_description_only()
    {
        var spam = await FreshdeskSample.CaseAsync("313");

        Assert.Equal((ImportedStatus.Closed, "48000000105"), (spam.Status, spam.RequesterExternalId));
        Assert.Equal(["spam"], spam.Tags);
        Assert.Single(spam.Comments);
    }

    [Fact]
    public async Task A_trashed_ticket_is_refused_not_imported()
    {
        var records = await FreshdeskSample.AllAsync();

        Assert.DoesNotContain(records.OfType<ImportedCase>(), c => c.ExternalId == "314");
        Assert.Contains("deleted", records.OfType<RefusedRecord>().Single(r => r.ExternalId == "314").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_trashed_contact_stays_the_requester_of_its_ticket()
    {
        var ticket = await FreshdeskSample.CaseAsync("312");

        Assert.Equal("48000000108", ticket.RequesterExternalId);
        Assert.Equal(["48000000005", "48000000999", "48000000005", "48000000001"], ticket.Comments.Skip(1).Select(c => c.AuthorExternalId));
    }
}
