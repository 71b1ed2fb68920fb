namespace Guichet.Core.Replies;

/// <summary>What the send guard needs to know besides the text: who it is for and what it is.</summary>
public sealed record GuardContext(string Body)
{
    /// <summary>The customer's side of the check, for a text written afterwards.</summary>
    public static GuardContext For(Customers.Customer customer, string body = "") => new(body)
    {
        CustomerName = customer.Name,
        CustomerSalutation = customer.Salutation,
        CustomerLanguage = customer.Language,
    };

    /// <summary>The customer's profile: the reference for names and salutations (Q2) and language (Q3).</summary>
    public string? CustomerName { get; init; }
    public string? CustomerSalutation { get; init; }
    public string? CustomerLanguage { get; init; }
    /// <summary>The message states a dated promise recorded with it (P2).</summary>
    public bool CarriesPromise { get; init; }
    /// <summary>A delay notice, where excuses are out of place (P4).</summary>
    public bool IsDelayNotice { get; init; }
    /// <summary>A template sent as written, and the case is escalated, in crisis or angry (E4).</summary>
    public bool TemplateUnchanged { get; init; }
    public bool SensitiveCase { get; init; }
    /// <summary>E3: the declared crisis the customer is caught in, and the fees it waives ("CODE", "what it is").</summary>
    public string? Crisis { get; init; }
    public IReadOnlyList<(string Code, string Label)> WaivedFees { get; init; } = [];
    /// <summary>E3: the reply starts from a standard template, not the crisis one.</summary>
    public bool StandardTemplate { get; init; }
    /// <summary>The team's own phrases for P4 and C3 added to the check.</summary>
    public GuardContext WithTeam(Teams.Team team) => this with { TeamExcuses = team.ExcuseWords, TeamRedirects = team.RedirectWords };

    /// <summary>Phrases the team adds to P4's and C3's words (<see cref="Excuses"/>, <see cref="Redirects"/>).</summary>
    public Language.Vocabulary TeamExcuses { get; init; } = Language.Vocabulary.Empty;
    public Language.Vocabulary TeamRedirects { get; init; } = Language.Vocabulary.Empty;
    /// <summary>Fields a template printed with no value (Q1): its expressions, as written.</summary>
    public IReadOnlyList<string> EmptyFields { get; init; } = [];
}
