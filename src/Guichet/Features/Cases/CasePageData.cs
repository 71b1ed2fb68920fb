using Guichet.Core;
using Guichet.Core.Agents;
using Guichet.Core.Cases;
using Guichet.Core.Customers;
using Guichet.Core.Data;
using Guichet.Core.Incidents;
using Guichet.Core.Knowledge;
using Guichet.Core.Replies;
using Guichet.Features.Goodwill;
using Guichet.Features.Permissions;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Cases;

/// <summary>
/// Everything the case page shows, read once before anything renders: the case and its history,
/// the customer beside it, who can take it, what to answer with, and each panel's own data.
/// </summary>
public sealed record CasePageData(
    Case Case,
    Agent? Me,
    DateTimeOffset Now,
    bool CanApprove,
    Crisis? Crisis,
    CaseSummary? Summary,
    IReadOnlyList<Case> OtherCases,
    IReadOnlyList<CustomerAsset> Assets,
    IReadOnlyList<CustomerMerge> Merges,
    IReadOnlyList<Agent> Agents,
    IReadOnlyList<Core.Teams.Team> Teams,
    IReadOnlyList<ArticleHit> Suggestions,
    IReadOnlyList<TemplateView> Templates,
    string? PublicDraft,
    Core.Metrics.CaseEffort? Effort,
    Core.Surveys.Survey? Survey,
    CaseGoodwillData Goodwill)
{
    /// <summary>
    /// The customer's other open cases this one is perhaps the same matter as (C1: the rule was
    /// unsure), until merged or answered "not the same".
    /// </summary>
    public IReadOnlyList<Case> PerhapsSame => OtherCases
        .Where(o => o.Status != CaseStatus.Closed
            && Case.Events.Any(e => e.Kind == CaseEventKind.PerhapsSameMatter && e.To == o.Reference)
            && !Case.Events.Any(e => e.Kind == CaseEventKind.NotSameMatter && e.To == o.Reference))
        .ToList();

    /// <summary>The customer's organisations, each with the open cases of its other people the reader may see (W12).</summary>
    public IReadOnlyList<(Core.Customers.Organisations.Organisation Organisation, IReadOnlyList<Case> Open)> Organisations { get; init; } = [];
    /// <summary>The customer's tags and fields, and each of their organisations' (W5, W12), with the fields' labels by key.</summary>
    public Profile CustomerProfile { get; init; } = new([], new Dictionary<string, string>());
    public IReadOnlyDictionary<long, Profile> OrganisationProfiles { get; init; } = new Dictionary<long, Profile>();
    public IReadOnlyDictionary<string, string> ProfileLabels { get; init; } = new Dictionary<string, string>();

    /// <summary>The custom fields of cases, in their order, and this case's values by key (W5).</summary>
    public IReadOnlyList<Core.Cases.Fields.FieldDefinition> Fields { get; init; } = [];
    public IReadOnlyDictionary<string, string> FieldValues { get; init; } = new Dictionary<string, string>();

    /// <summary>The macros the reader may use on the case (W6).</summary>
    public IReadOnlyList<Core.Cases.Macros.Macro> Macros { get; init; } = [];

    /// <summary>The tags most used, offered as the agent types one (W5).</summary>
    public IReadOnlyList<string> KnownTags { get; init; } = [];

    /// <summary>The state of the case the agent reads (W2): a reply written on it is held if others changed the case since.</summary>
    public string Version => CaseVersion.Format(Case.Messages.Select(m => m.Id).DefaultIfEmpty().Max(), Case.Events.Select(e => e.Id).DefaultIfEmpty().Max());

    /// <summary>The case's team's zone: every time on the page is read there.</summary>
    public string Zone => Case.Team.TimeZone;

    public static async Task<CasePageData?> ReadAsync(HttpContext http, GuichetDb db, Search search, TimeProvider clock, long id, CancellationToken ct)
    {
        var now = clock.Now();
        var @case = await db.LoadCaseForReadingAsync(id, ct);
        if (@case is null)
        {
            return null;
        }
        var language = CustomerLanguage.ToWriteIn(@case.Customer.Language);
        var templates = (await TemplateQueries.ListAsync(db, @case.Team, clock, ct, withVariables: false))
            .Where(t => t.Language == language && !ShippedTemplates.IsAutomatic(t.Key)).ToList();
        var crisis = @case.CrisisId is { } crisisId && db.TemplateBook.Crisis(crisisId) is { } c && c.IsActive(now) ? c : null;
        var reader = await http.CurrentAgentAsync(db);
        var knownTags = await http.RequestServices.GetRequiredService<KnownTags>().ReadAsync(db, ct);
        var organisations = await OrganisationsAsync(db, @case, reader, ct);
        return new CasePageData(
            @case,
            reader,
            now,
            http.User.Allows(Access.Manage),
            crisis,
            @case.Transfers > 0 ? CaseSummary.Of(@case) : null,
            await db.Cases.AsNoTracking().VisibleTo(reader).Where(o => o.CustomerId == @case.CustomerId && o.Id != @case.Id).OrderByDescending(o => o.CreatedAt).Take(20).ToListAsync(ct),
            await db.CustomerAssets.AsNoTracking().Where(a => a.CustomerId == @case.CustomerId).OrderBy(a => a.Kind).ThenBy(a => a.Label).ToListAsync(ct),
            await db.CustomerMerges.AsNoTracking().Where(m => m.IntoId == @case.CustomerId && m.UndoneAt == null).OrderByDescending(m => m.At).ToListAsync(ct),
            await db.Agents.AsNoTracking().Include(a => a.Team).Where(a => a.Active && a.PasswordHash != "").OrderBy(a => a.Name).ToListAsync(ct),
            await db.Teams.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct),
            await search.SuggestAsync(@case.Id, 3, ct),
            templates,
            await db.SocialPosts.AnyAsync(p => p.CaseId == @case.Id && p.Kind == Core.Social.SocialKind.Comment, ct)
                ? PublicReply.Draft(db.TemplateBook, @case, NodaTime.Instant.FromDateTimeOffset(now))
                : null,
            await Core.Metrics.CaseEfforts.OfCaseAsync(db, @case.Id, ct),
            await db.Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.CaseId == @case.Id, ct),
            await CaseGoodwillData.ReadAsync(db, @case.Id, ct))
        {
            KnownTags = knownTags,
            Organisations = organisations,
            CustomerProfile = await EditProfile.ReadAsync(db, ProfileKind.Customer, @case.CustomerId, ct),
            OrganisationProfiles = await EditProfile.ReadManyAsync(db, ProfileKind.Organisation, organisations.Select(o => o.Item1.Id).ToList(), ct),
            ProfileLabels = await db.FieldDefinitions.AsNoTracking().Where(f => f.AppliesTo != Core.Cases.Fields.FieldObject.Case).ToDictionaryAsync(f => f.Key, f => f.Label, ct),
            Fields = await db.FieldDefinitions.AsNoTracking().Where(f => f.AppliesTo == Core.Cases.Fields.FieldObject.Case).OrderBy(f => f.Position).ToListAsync(ct),
            FieldValues = await Core.Cases.Fields.SetCaseFields.ValuesAsync(db, @case.Id, ct),
            Macros = reader is null ? [] : await MacroEndpoints.UsableAsync(db, reader, ct),
        };
    }

    private static async Task<IReadOnlyList<(Core.Customers.Organisations.Organisation, IReadOnlyList<Case>)>> OrganisationsAsync(GuichetDb db, Case @case, Agent? reader, CancellationToken ct)
    {
        var organisations = await db.Memberships.AsNoTracking().Where(m => m.CustomerId == @case.CustomerId)
            .Join(db.Organisations, m => m.OrganisationId, o => o.Id, (m, o) => o).OrderBy(o => o.Name).ToListAsync(ct);
        var found = new List<(Core.Customers.Organisations.Organisation, IReadOnlyList<Case>)>();
        foreach (var organisation in organisations)
        {
            var people = db.Memberships.Where(m => m.OrganisationId == organisation.Id).Select(m => m.CustomerId);
            var open = await db.Cases.AsNoTracking().VisibleTo(reader).Active().Include(c => c.Customer)
                .Where(c => c.Id != @case.Id && c.CustomerId != @case.CustomerId && people.Contains(c.CustomerId))
                .OrderByDescending(c => c.CreatedAt).Take(10).ToListAsync(ct);
            found.Add((organisation, open));
        }
        return found;
    }
}
