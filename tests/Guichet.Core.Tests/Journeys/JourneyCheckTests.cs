using Guichet.Core.Cases;
using Guichet.Core.Journeys;

namespace Guichet.Core.Tests.Journeys;

public class JourneyCheckTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Deadline = Start.AddMinutes(15);

    private static JourneyCheck.Sent Ack(DateTimeOffset at, bool dated = true) => new(MessageKind.Acknowledgment, true, at, "Nous vous répondons au plus tard le mardi 1er décembre à 16:00.", dated);

    private static JourneyCheck.Sent Reply(string body, DateTimeOffset at) => new(MessageKind.Reply, false, at, body, false);

    [Fact]
    public void A_dated_acknowledgment_in_time_with_no_redirect_passes_the_first_check()
    {
        Assert.Empty(JourneyCheck.AtAcknowledgment(new(Deadline, [Ack(Start)], 0, null)));
    }

    [Fact]
    public void A_missing_late_or_undated_acknowledgment_fails_with_the_rule_it_breaks()
    {
        Assert.Equal(["P1.acknowledgment"], JourneyCheck.AtAcknowledgment(new(Deadline, [], 0, null)).Select(f => f.Code));
        Assert.Equal(["P1.acknowledgment"], JourneyCheck.AtAcknowledgment(new(Deadline, [Ack(Deadline.AddMinutes(1))], 0, null)).Select(f => f.Code));
        Assert.Equal(["P1.date"], JourneyCheck.AtAcknowledgment(new(Deadline, [Ack(Start, dated: false)], 0, null)).Select(f => f.Code));
    }

    [Fact]
    public void Being_sent_elsewhere_fails_in_a_reply_or_a_logged_call()
    {
        Assert.Equal(["C3.redirect"], JourneyCheck.AtAcknowledgment(new(Deadline, [Ack(Start), Reply("Veuillez nous envoyer un email.", Start.AddMinutes(5))], 0, null)).Select(f => f.Code));
        Assert.Equal(["C3.redirect"], JourneyCheck.AtAcknowledgment(new(Deadline, [Ack(Start)], 1, null)).Select(f => f.Code));
    }

    [Fact]
    public void The_answer_must_come_from_a_person_by_the_date_the_acknowledgment_gave()
    {
        var due = Start.AddDays(2);
        Assert.Empty(JourneyCheck.AtAnswer(new(Deadline, [Ack(Start)], 0, due.AddMinutes(-1)), due));
        Assert.Equal(["P2.answer"], JourneyCheck.AtAnswer(new(Deadline, [Ack(Start)], 0, due.AddMinutes(1)), due).Select(f => f.Code));
        Assert.Equal(["P2.answer"], JourneyCheck.AtAnswer(new(Deadline, [Ack(Start)], 0, null), due).Select(f => f.Code));
    }
}
