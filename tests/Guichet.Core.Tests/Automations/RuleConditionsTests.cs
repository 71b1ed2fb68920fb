using Guichet.Core.Automations;
using Guichet.Core.Calendars;
using Guichet.Core.Cases;
using Guichet.Core.Tests.Calendars;

namespace Guichet.Core.Tests.Automations;

/// <summary>W7: each field a rule compares, each comparison, on a case as rules see it.</summary>
public class RuleConditionsTests
{
    private static readonly ServiceCalendar Paris = CalendarAt.Make("Europe/Paris", "mon-fri 09:00-17:00", "");

    // Tuesday 1 December 2026, 10:00 in Paris (open); the same at 20:00 (closed).
    private static readonly DateTimeOffset Open = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static RuleSubject Subject(string? text = null, DateTimeOffset? at = null) => new(
        1, Channel.Email, 3, CasePriority.High, CaseStatus.Open, null, "gold", "fr",
        new HashSet<long> { 7 }, new HashSet<string> { "vip", "litige" }, new Dictionary<string, string> { ["segment"] = "PME" },
        Paris, at ?? Open, RuleSubject.Fold(text), ["litige"]);

    [Theory]
    [InlineData("channel", "is", "email", true)]
    [InlineData("channel", "isNot", "email", false)]
    [InlineData("channel", "is", "chat", false)]
    [InlineData("team", "is", "3", true)]
    [InlineData("team", "isNot", "4", true)]
    [InlineData("priority", "is", "high", true)]
    [InlineData("priority", "atLeast", "normal", true)]
    [InlineData("priority", "atLeast", "urgent", false)]
    [InlineData("priority", "below", "urgent", true)]
    [InlineData("priority", "below", "high", false)]
    [InlineData("priority", "is", "très haute", false)]
    [InlineData("status", "is", "open", true)]
    [InlineData("status", "isNot", "waitingOnCustomer", true)]
    [InlineData("owner", "is", "none", true)]
    [InlineData("owner", "is", "any", false)]
    [InlineData("owner", "isNot", "12", true)]
    [InlineData("tier", "is", "GOLD", true)]
    [InlineData("organisation", "is", "7", true)]
    [InlineData("organisation", "isNot", "7", false)]
    [InlineData("organisation", "is", "x", false)]
    [InlineData("tag", "has", "vip", true)]
    [InlineData("tag", "hasNot", "vip", false)]
    [InlineData("tagAdded", "is", "litige", true)]
    [InlineData("tagAdded", "is", "vip", false)]
    [InlineData("language", "is", "fr", true)]
    [InlineData("hours", "is", "open", true)]
    [InlineData("hours", "is", "closed", false)]
    [InlineData("field.segment", "is", "pme", true)]
    [InlineData("field.segment", "contains", "M", true)]
    [InlineData("field.segment", "isNot", "PME", false)]
    [InlineData("field.segment", "filled", "", true)]
    [InlineData("field.other", "empty", "", true)]
    [InlineData("field.other", "isNot", "x", true)]
    [InlineData("field.other", "is", "x", false)]
    [InlineData("unknown", "is", "x", false)]
    public void Each_field_compares_as_named(string field, string op, string value, bool holds) =>
        Assert.Equal(holds, RuleConditions.Holds(new RuleCondition(field, op, value), Subject()));

    [Theory]
    [InlineData("Je veux une MISE EN DEMEURE.", "avocat, mise en demeure", true)]
    [InlineData("Remboursé ? non", "rembourse", true)]
    [InlineData("Le remboursement tarde", "rembourse", false)]
    [InlineData("", "avocat", false)]
    public void Words_are_whole_words_or_phrases_accents_and_case_folded(string text, string words, bool holds)
    {
        Assert.Equal(holds, RuleConditions.Holds(new RuleCondition("words", "any", words), Subject(text)));
        Assert.Equal(!holds, RuleConditions.Holds(new RuleCondition("words", "none", words), Subject(text)));
    }

    [Fact]
    public void Business_hours_are_the_teams_at_the_moment_the_rule_runs() =>
        Assert.True(RuleConditions.Holds(new RuleCondition("hours", "is", "closed"), Subject(at: Open.AddHours(10))));

    [Fact]
    public void Every_condition_must_hold() =>
        Assert.False(RuleConditions.Hold([new("tag", "has", "vip"), new("channel", "is", "chat")], Subject()));
}
