using Guichet.Core.Surveys;

namespace Guichet.Core.Metrics;

/// <summary>What the survey figures (SPEC M1) need of a group of surveys: counts by state and by score (issue 29).</summary>
public sealed class SurveySums
{
    public int Scheduled { get; set; }
    public int Sent { get; set; }
    public int Answered { get; set; }
    public int Cancelled { get; set; }
    /// <summary>Answers of 1 to 5.</summary>
    public int[] Csat { get; set; } = new int[5];
    /// <summary>Answers of 1 to 7.</summary>
    public int[] Effort { get; set; } = new int[7];
    /// <summary>Scores outside the scales (none today), kept so that averages stay exact.</summary>
    public List<int> OtherCsat { get; set; } = [];
    public List<int> OtherEffort { get; set; } = [];

    public void Add(SurveyState state, int? csat, int? effort)
    {
        Scheduled += state == SurveyState.Scheduled ? 1 : 0;
        Sent += state is SurveyState.Sent or SurveyState.Answered ? 1 : 0;
        Answered += state == SurveyState.Answered ? 1 : 0;
        Cancelled += state == SurveyState.Cancelled ? 1 : 0;
        Count(Csat, OtherCsat, csat);
        Count(Effort, OtherEffort, effort);
    }

    public void Add(SurveySums s)
    {
        (Scheduled, Sent, Answered, Cancelled) = (Scheduled + s.Scheduled, Sent + s.Sent, Answered + s.Answered, Cancelled + s.Cancelled);
        for (var i = 0; i < Csat.Length; i++)
        {
            Csat[i] += s.Csat[i];
        }
        for (var i = 0; i < Effort.Length; i++)
        {
            Effort[i] += s.Effort[i];
        }
        OtherCsat.AddRange(s.OtherCsat);
        OtherEffort.AddRange(s.OtherEffort);
    }

    /// <summary>Every score given, for the averages and shares.</summary>
    public static IEnumerable<int> Scores(int[] counts, List<int> other) =>
        counts.SelectMany((n, i) => Enumerable.Repeat(i + 1, n)).Concat(other);

    private static void Count(int[] counts, List<int> other, int? score)
    {
        if (score is not { } s)
        {
            return;
        }
        if (s >= 1 && s <= counts.Length)
        {
            counts[s - 1]++;
        }
        else
        {
            other.Add(s);
        }
    }
}
