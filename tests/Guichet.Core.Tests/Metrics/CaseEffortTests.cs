using Guichet.Core.Metrics;

namespace Guichet.Core.Tests.Metrics;

public class CaseEffortTests
{
    private static CaseEffort Case(int contacts = 1, int switches = 0, int transfers = 0, int reExplanations = 0, int redirects = 0, bool called = false, int? said = null,
        string team = "Service client", string? owner = null, Channel channel = Channel.Email, double? firstAnswer = null, double? resolution = null, DateTimeOffset? created = null) =>
        new(1, "G-2026-000001", team, owner, channel, created ?? new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero), contacts, switches, transfers, reExplanations, redirects, called, firstAnswer, resolution, said);

    [Fact]
    public void A_switch_is_a_contact_on_another_channel_than_the_one_before()
    {
        Assert.Equal((1, false), CaseEffort.Path([Channel.Email, Channel.Chat, Channel.Chat]));
        Assert.Equal((2, false), CaseEffort.Path([Channel.Email, Channel.Chat, Channel.Email]));
        Assert.Equal((0, false), CaseEffort.Path([Channel.Phone, Channel.Phone]));
        Assert.Equal((0, false), CaseEffort.Path([]));
    }

    [Fact]
    public void Calling_after_writing_is_the_customer_who_left_the_website_to_call()
    {
        Assert.Equal((1, true), CaseEffort.Path([Channel.Portal, Channel.Phone]));
        Assert.Equal((1, false), CaseEffort.Path([Channel.Phone, Channel.Email]));
        Assert.Equal((2, true), CaseEffort.Path([Channel.Phone, Channel.Chat, Channel.Phone]));
    }

    [Fact]
    public void High_effort_is_what_the_customer_said_or_else_three_extra_steps()
    {
        Assert.False(Case(contacts: 2, transfers: 1).HighEffort);
        Assert.True(Case(contacts: 2, transfers: 1, reExplanations: 1).HighEffort);
        Assert.True(Case(said: 6).HighEffort);
        // The customer's own word wins over the count.
        Assert.False(Case(contacts: 4, transfers: 2, said: 2).HighEffort);
        Assert.Equal(5, Case(contacts: 3, switches: 1, transfers: 1, reExplanations: 1).Score);
    }

    [Fact]
    public void Figures_sum_cases_and_give_each_irritants_share_and_the_median_waits()
    {
        var cases = new[]
        {
            Case(contacts: 3, switches: 1, transfers: 1, reExplanations: 1, firstAnswer: 2, resolution: 10),
            Case(contacts: 1, firstAnswer: 4, resolution: 6),
            Case(contacts: 2, called: true, switches: 1, firstAnswer: 30),
            Case(contacts: 1),
        };
        var f = EffortFigures.Of("all", cases);
        Assert.Equal((4, 7, 3, 2, 1, 1), (f.Cases, f.Contacts, f.RepeatContacts, f.ChannelSwitches, f.Transfers, f.ReExplanations));
        Assert.Equal(1.75, f.ContactsPerCase);
        Assert.Equal(4, f.FirstHumanAnswerMedianHours);
        Assert.Equal(6, f.ResolutionMedianHours);
        Assert.Equal((0.25, 0.25, 0.25, 0.25, 0.5), (f.ReExplainedShare, f.CalledAfterWritingShare, f.HighEffortShare, f.TransferredShare, f.SeveralContactsShare));
    }

    [Fact]
    public void Groups_are_teams_agents_channels_or_periods_in_their_natural_order()
    {
        var monday = new DateTimeOffset(2026, 11, 23, 23, 30, 0, TimeSpan.Zero);
        var cases = new[]
        {
            Case(team: "Litiges", owner: "Zoé", channel: Channel.Chat, created: monday),
            Case(team: "Bagages", owner: null, channel: Channel.Email, created: monday.AddHours(1)),
            Case(team: "Bagages", owner: "Adam", channel: Channel.Email, created: monday.AddDays(7)),
        };
        Assert.Equal(["Bagages", "Litiges"], EffortFigures.By(MetricGrouping.Team, cases).Select(r => r.Group));
        Assert.Equal(["(unassigned)", "Adam", "Zoé"], EffortFigures.By(MetricGrouping.Agent, cases).Select(r => r.Group));
        Assert.Equal(["chat", "email"], EffortFigures.By(MetricGrouping.Channel, cases).Select(r => r.Group));
        Assert.Equal(["2026-11-23", "2026-11-24", "2026-11-30"], EffortFigures.By(MetricGrouping.Day, cases).Select(r => r.Group));
        Assert.Equal(["2026-W48", "2026-W49"], EffortFigures.By(MetricGrouping.Week, cases).Select(r => r.Group));
        Assert.Equal([2, 1], EffortFigures.By(MetricGrouping.Week, cases).Select(r => r.Cases));
        Assert.Equal(["2026-11"], EffortFigures.By(MetricGrouping.Month, cases).Select(r => r.Group));
    }

    [Fact]
    public void Channel_parity_puts_the_typical_waits_side_by_side_and_measures_the_gap()
    {
        var cases = new[]
        {
            Case(channel: Channel.Social, firstAnswer: 1, resolution: 2),
            Case(channel: Channel.Social, firstAnswer: 1, resolution: 4),
            Case(channel: Channel.Email, firstAnswer: 48, resolution: 100),
            Case(channel: Channel.Email),
        };
        var rows = ChannelParity.Of(cases);
        Assert.Equal(["email", "social"], rows.Select(r => r.Channel));
        var email = rows[0];
        Assert.Equal((2, 1, 48.0, 1), (email.Cases, email.Answered, email.FirstResponseMedianHours!.Value, email.Resolved));
        Assert.Equal(48, ChannelParity.Gap(rows));
        Assert.Null(ChannelParity.Gap([rows[1]]));
    }
}
