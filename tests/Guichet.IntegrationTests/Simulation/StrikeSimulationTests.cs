using Guichet.Features.Simulation;

namespace Guichet.IntegrationTests.Simulation;

/// <summary>`guichet simulate strike` on small numbers; the 20,000-customer run is in docs/benchmarks.md.</summary>
public sealed class StrikeSimulationTests
{
    [Fact]
    public async Task A_surge_keeps_every_promise_visible_and_one_case_per_customer_problem()
    {
        var options = new StrikeOptions { Customers = 250, Agents = 2, Days = 8, Seed = 3 };
        var report = await new StrikeSimulation(options).RunAsync(null, TestContext.Current.CancellationToken);

        Assert.Equal(250, report.Customers);
        Assert.Equal(250, report.Cases);
        Assert.Equal(1, report.MaxCasesPerCustomer);
        Assert.True(report.FollowUpsJoined > 0, "some customers wrote again, on their own case");
        Assert.Equal(report.Contacts - report.FollowUpsJoined, report.Cases);
        Assert.Equal(report.Acknowledgments, report.AcknowledgmentsWithDate);
        Assert.Equal(250, report.Acknowledgments);
        Assert.Equal(0, report.SilentBreaches);
        Assert.True(report.NoticesSent > 0, "a backlog means dates moved, and customers were told");
        Assert.True(report.FirstAnswerP95Hours >= report.FirstAnswerP50Hours);
        // Issue 7: some refunds went to a colleague, some customers had to tell their story again, stalled cases went up.
        Assert.True(report.CasesTransferred > 0 && report.Transfers >= report.CasesTransferred && report.MaxTransfersPerCase >= 1);
        Assert.True(report.ReExplanations > 0, "customers who repeat their story are counted");
        Assert.True(report.ReExplanations <= report.FollowUpsJoined);
        Assert.True(report.Escalations!.GetValueOrDefault("E1.repeated") > 0, string.Join(",", report.Escalations!.Keys));
        // Issue 9: the dashboard's figures, from the same code, agree with the report's own counts.
        var figures = report.Figures!;
        Assert.Equal((report.Cases, report.Contacts, report.Transfers, report.ReExplanations), (figures.Effort.Cases, figures.Effort.Contacts, figures.Effort.Transfers, figures.Effort.ReExplanations));
        Assert.Equal(report.SilentBreaches, figures.Promises.SilentBreaches);
        Assert.Equal(report.Cases, figures.EffortBy.Sum(w => w.Cases));
        Assert.True(figures.Surveys.Sent > 0, "resolved cases got their survey after the delay");
        Assert.Contains(StrikeOutput.FigureTables(report), t => t.Title == "Customer effort per week (M2)");

        var again = await new StrikeSimulation(options).RunAsync(null, TestContext.Current.CancellationToken);
        Assert.Equal(report with { Days = [], Escalations = null, Figures = null }, again with { Days = [], Escalations = null, Figures = null });
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(report.Figures), System.Text.Json.JsonSerializer.Serialize(again.Figures));
        Assert.Equal(report.Days, again.Days);
        Assert.Equal(report.Escalations, again.Escalations);
    }

    [Fact]
    public async Task A_backlog_past_the_ceiling_alerts_the_lead_and_goes_on_only_with_a_managers_approval()
    {
        // One slow agent and a four-day ceiling: cases wait long enough to reach it.
        var options = new StrikeOptions { Customers = 120, Agents = 1, Days = 9, Seed = 5, CasesPerAgentHour = 1.5, CeilingDays = 4 };
        var report = await new StrikeSimulation(options).RunAsync(null, TestContext.Current.CancellationToken);

        Assert.True(report.CeilingAlerts > 0, "leads were alerted at 75 % of the ceiling");
        Assert.True(report.CeilingApprovals > 0, "going past the ceiling took a manager's approval");
        Assert.Equal(0, report.SilentBreaches);
        Assert.Equal(report.Acknowledgments, report.AcknowledgmentsWithDate);
        Assert.Equal(1, report.MaxCasesPerCustomer);
    }

    [Fact]
    public async Task When_nobody_answers_for_forty_days_every_customer_is_told_and_no_date_passes_the_ceiling_unapproved()
    {
        // P5: a 30-day ceiling, nobody answering and no manager approving, 40 days long: only the watcher acts.
        var options = new StrikeOptions { Customers = 60, Agents = 1, Days = 40, Seed = 7, CeilingDays = 30, Idle = true };
        var report = await new StrikeSimulation(options).RunAsync(null, TestContext.Current.CancellationToken);

        Assert.Equal(0, report.SilentBreaches);
        Assert.Equal(0, report.PastCeilingUnapproved);
        Assert.True(report.HandedOverAtCeiling > 0, "cases reached their ceiling and went to a manager");
        Assert.Equal(0, report.CeilingApprovals);
        Assert.True(report.NoticesSent > 0, "customers were told each time their date moved");
        Assert.Equal(report.Acknowledgments, report.AcknowledgmentsWithDate);
    }

    [Fact]
    public async Task The_report_is_written_as_html_with_charts()
    {
        var options = new StrikeOptions { Customers = 40, Agents = 1, Days = 3, Seed = 9 };
        var report = await new StrikeSimulation(options).RunAsync(null, TestContext.Current.CancellationToken);
        var path = Path.Combine(Path.GetTempPath(), $"strike-{Guid.NewGuid():N}.html");
        try
        {
            await StrikeOutput.WriteHtmlAsync(report, path, TestContext.Current.CancellationToken);
            var html = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
            Assert.Contains("Silent breaches</td><td>0</td>", html, StringComparison.Ordinal);
            Assert.Equal(4, System.Text.RegularExpressions.Regex.Count(html, "<svg "));
            Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
