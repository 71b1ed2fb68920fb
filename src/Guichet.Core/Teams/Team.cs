using Guichet.Core.Calendars;

namespace Guichet.Core.Teams;

/// <summary>A team and its service calendar, stored in the readable <see cref="CalendarText"/> form.</summary>
public sealed class Team
{
    public const int DefaultFirstResponseBusinessDays = 2;
    public const int DefaultCeilingDays = 30;

    private ServiceCalendar? _calendar;

    public long Id { get; private set; }
    public required string Slug { get; init; }
    public required string Name { get; set; }
    public required string TimeZone { get; set; }
    public required string Hours { get; set; }
    public string Holidays { get; set; } = "";
    public int FirstResponseBusinessDays { get; set; } = DefaultFirstResponseBusinessDays;
    public int CeilingDays { get; set; } = DefaultCeilingDays;
    /// <summary>P5: the team lead is alerted when this share of the ceiling has passed.</summary>
    public int CeilingAlertPercent { get; set; } = 75;
    /// <summary>P3: the owner is alerted this share of a promise's span before the customer notice…</summary>
    public int OwnerLeadPercent { get; set; } = 20;
    /// <summary>…and at least this many business hours before it.</summary>
    public double OwnerLeadMinBusinessHours { get; set; } = 2;
    /// <summary>P3: a still-open promise is renegotiated with the customer this many business hours before it is due.</summary>
    public double NoticeLeadBusinessHours { get; set; } = 4;
    /// <summary>P3: how far an automatic renegotiation moves the due time, in business days.</summary>
    public int RenegotiationBusinessDays { get; set; } = 2;
    public bool IsDefault { get; set; }
    /// <summary>Send guard warnings agents of this team may send anyway with a justification (comma-separated codes; blocking reasons never).</summary>
    public string OverridableWarnings { get; set; } = DefaultOverridableWarnings;

    public const string DefaultOverridableWarnings = "Q3.language,C3.redirect,P2.undated,P4.excuse,E4.template";

    /// <summary>H6: a public post is answered within this many business hours (a public complaint is read by everyone).</summary>
    public double PublicResponseBusinessHours { get; set; } = 1;
    /// <summary>The team's mailbox: mail sent to it reaches this team, and the team's mail leaves from it (issue 4).</summary>
    public string? MailAddress { get; set; }
    /// <summary>Closes every mail the team sends (Markdown, as a reply), after the "-- " line (W9).</summary>
    public string? Signature { get; set; }
    /// <summary>The most a message's files may weigh together, in bytes, sent or received directly (issue 26).</summary>
    public long AttachmentLimitBytes { get; set; } = Files.FileChecks.DefaultLimitBytes;

    /// <summary>Languages the team answers in and categories it handles (comma separated): routing sends a case to a team that speaks the customer's language and knows its category.</summary>
    public string Languages { get; set; } = "fr";
    public string Skills { get; set; } = "";
    /// <summary>New cases are given at once to an available agent who speaks the customer's language, least loaded first.</summary>
    public bool AutoAssign { get; set; }

    public bool Speaks(string language) => CommaList.Contains(Languages, language);

    public bool Knows(string? category) => CommaList.Contains(Skills, category);

    /// <summary>G2: what each agent of the team may grant in goodwill per calendar month without a manager, in minor units of <see cref="Currency"/>.</summary>
    public long GoodwillBudgetMinor { get; set; } = 10_000;
    public string Currency { get; set; } = "EUR";
    /// <summary>G4: offers to stay an agent may make to a customer who asked to cancel; then only the cancellation.</summary>
    public int MaxRetentionOffers { get; set; } = 2;
    /// <summary>M1: whether the team's resolved cases get the satisfaction survey, and how long after resolution.</summary>
    /// <summary>Resolved or closed cases untouched for this many years are deleted (issue 10); null keeps them.</summary>
    public int? RetentionYears { get; set; }

    public bool SurveysOn { get; set; } = true;
    public int SurveyDelayHours { get; set; } = DefaultSurveyDelayHours;
    public const int DefaultSurveyDelayHours = 24;

    /// <summary>E2: the team's major problems, one per line "code | phrase, phrase…" (<see cref="Language.Vocabulary"/>).</summary>
    public string MajorProblems { get; set; } = Routing.MajorProblems.Default;

    /// <summary>P4, C3: phrases the team adds to the shipped excuses and redirects, one per line (<see cref="Language.Vocabulary"/>).</summary>
    public string ExcusePhrases { get; set; } = "";
    public string RedirectPhrases { get; set; } = "";

    private Language.Vocabulary? _excuses, _redirects;

    public Language.Vocabulary ExcuseWords => _excuses ??= Language.Vocabulary.Parse(ExcusePhrases);
    public Language.Vocabulary RedirectWords => _redirects ??= Language.Vocabulary.Parse(RedirectPhrases);

    private Routing.MajorProblems? _majorProblems;

    /// <summary>The parsed major problems; the text is validated on every write.</summary>
    public Routing.MajorProblems MajorProblemRules => _majorProblems ??= Routing.MajorProblems.Parse(MajorProblems) is { Succeeded: true } parsed ? parsed.Value : new([]);

    /// <summary>The parsed calendar; text is validated on every write, so a stored team always parses.</summary>
    public ServiceCalendar Calendar => _calendar ??= CalendarText.Parse(TimeZone, Hours, Holidays).Value;
}
