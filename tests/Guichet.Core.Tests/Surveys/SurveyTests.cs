using Guichet.Core.Surveys;

namespace Guichet.Core.Tests.Surveys;

public class SurveyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("4", 4, null, null)]
    [InlineData("4 2", 4, 2, null)]
    [InlineData("4/5, 2/7\nMerci, rapide.", 4, 2, "Merci, rapide.")]
    [InlineData("Satisfaction : 5 effort : 1 - parfait", 5, 1, "parfait")]
    [InlineData("  3\n\n> Le 30 nov. Guichet a écrit :", 3, null, "> Le 30 nov. Guichet a écrit :")]
    public void A_reply_that_starts_with_the_scores_is_an_answer(string text, int csat, int? effort, string? comment) =>
        Assert.Equal(new SurveyReply.Scores(csat, effort, comment), SurveyReply.Read(text));

    [Theory]
    [InlineData("Finalement la valise est abîmée.")]
    [InlineData("Bonjour, il manque 3 pièces")]
    [InlineData("9")]
    [InlineData("4 9")]
    [InlineData("")]
    public void Prose_or_scores_out_of_range_are_not_an_answer(string text) => Assert.Null(SurveyReply.Read(text));

    [Fact]
    public void A_survey_is_answered_once_within_the_scales()
    {
        var survey = Survey.Schedule(1, Now, Now);
        Assert.Equal(FailureKind.Conflict, survey.Answer(5, 1, null, Now)!.Kind);
        survey.MarkSent(new Core.Cases.Message { Body = "…", AuthorName = "Guichet", Channel = Channel.Email }, Now);
        Assert.Equal(["csat"], survey.Answer(null, null, null, Now)!.Errors.Keys);
        Assert.Equal(["csat", "effort"], survey.Answer(0, 8, null, Now)!.Errors.Keys.Order());
        Assert.Null(survey.Answer(4, null, "  ", Now));
        Assert.Equal((SurveyState.Answered, 4, (int?)null, (string?)null), (survey.State, survey.Csat!.Value, survey.Effort, survey.Comment));
        Assert.Equal(FailureKind.Conflict, survey.Answer(5, 1, null, Now)!.Kind);
    }

    [Fact]
    public void A_cancelled_survey_goes_back_to_scheduled_on_the_same_row_with_the_same_link()
    {
        var survey = Survey.Schedule(1, Now.AddHours(24), Now);
        var token = survey.Token;
        survey.Cancel("the case reopened", Now.AddHours(1));
        Assert.Equal((SurveyState.Cancelled, (DateTimeOffset?)null), (survey.State, survey.SendAt));
        survey.Reschedule(Now.AddHours(50), Now.AddHours(26));
        Assert.Equal((SurveyState.Scheduled, Now.AddHours(50), (string?)null, token), (survey.State, survey.SendAt!.Value, survey.CancelReason, survey.Token));
        Assert.True(token.Length >= 24);
    }
}
