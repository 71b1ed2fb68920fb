using Microsoft.EntityFrameworkCore;
using Guichet.Core.Agents;
using Guichet.Core.Cases;
using Guichet.Core.Customers;
using Guichet.Core.Data;
using NodaTime;

namespace Guichet.Core.Replies;

/// <summary>POST /api/templates/preview: a stored template (templateId) or a text being edited (body), on a real case or a sample one.</summary>
public sealed record PreviewRequest(string? Team, string? TemplateId, string? Language, string? Body, long? CaseId, IReadOnlyDictionary<string, string>? Variables);

/// <summary>
/// The text as it would leave (<see cref="Text"/>), the same with empty fields shown as
/// <c>{{ field }}</c> for an editor (<see cref="Draft"/>), and what the send guard says of it.
/// </summary>
public sealed record Preview(string Text, string Draft, IReadOnlyList<string> EmptyFields, IReadOnlyList<GuardReason> Reasons);

/// <summary>Renders a template on a real case (or a complete sample) and runs the send guard on it, before anything is saved or sent.</summary>
public sealed class PreviewTemplate(GuichetDb db, TimeProvider clock)
{
    public async Task<Result<Preview>> RunAsync(PreviewRequest request, Agent actor, CancellationToken ct = default)
    {
        // Previewed on a case in the person's view only: the draft holds its customer's name and more (issue 21).
        if (request.CaseId is { } named && !await db.Cases.VisibleTo(actor).AnyAsync(c => c.Id == named, ct))
        {
            return CaseQueries.CaseNotFound(named);
        }
        if (string.IsNullOrWhiteSpace(request.Body) && string.IsNullOrWhiteSpace(request.TemplateId))
        {
            return Failure.Invalid("templateId", "Give a templateId or the body of a template to preview.");
        }
        if (request.Language is not null && !CustomerLanguage.IsSupported(request.Language))
        {
            return Failure.Invalid("language", "The language must be \"fr\" or \"en\".");
        }
        if (request.Body is { } edited && LiquidTemplate.SyntaxError(edited) is { } syntax)
        {
            return Failure.Invalid("body", $"The template is not valid Liquid: {syntax}");
        }
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        TemplateFacts facts;
        long? crisisId = null;
        var guard = new GuardContext("") { TemplateUnchanged = true, CarriesPromise = true };
        if (request.CaseId is { } caseId)
        {
            var @case = await db.FindCaseAsync(caseId, ct);
            if (@case is null)
            {
                return CaseQueries.CaseNotFound(caseId);
            }
            facts = TemplateFacts.Of(@case, now, actor.Name, request.Variables);
            crisisId = @case.CrisisId;
            guard = GuardContext.For(@case.Customer) with { TemplateUnchanged = true, SensitiveCase = @case.IsDelicate, CarriesPromise = @case.Promises.Any(p => p.IsActive) };
        }
        else
        {
            var team = await TemplateQueries.TeamAsync(db, request.Team, ct);
            if (team is null)
            {
                return Failure.NotFound("team", $"There is no team '{request.Team}'.");
            }
            var sample = TemplateFacts.SampleCustomer(request.Language ?? CustomerLanguage.Default, team.TimeZone);
            facts = TemplateFacts.Sample(team, sample, now) with { AgentName = actor.Name, Variables = request.Variables };
            guard = GuardContext.For(sample) with { TemplateUnchanged = true, CarriesPromise = true };
        }
        var language = request.Language ?? facts.Language;
        var crisis = request.CaseId is not null && crisisId is { } id ? db.TemplateBook.Crisis(id) : null;
        var source = request.Body ?? db.TemplateBook.ForReply(facts.Team, request.TemplateId!, language, crisis);
        if (source is null)
        {
            return Failure.NotFound("templateId", $"The team {facts.Team.Name} has no template '{request.TemplateId}' in {(language == "en" ? "English" : "French")}.");
        }
        var model = facts.ToModel();
        var rendered = LiquidTemplate.Render(source, model);
        if (rendered.Refused is { } bounds)
        {
            return Failure.Refuse(request.Body is null ? "templateId" : "body", bounds);
        }
        var draft = LiquidTemplate.Render(source, model, markEmpty: true);
        var isNotice = request.TemplateId is ShippedTemplates.DelayNotice or ShippedTemplates.LateNotice;
        var reasons = SendGuard.Check(guard.WithTeam(facts.Team) with { Body = rendered.Text, EmptyFields = rendered.EmptyFields, IsDelayNotice = isNotice });
        return new Preview(rendered.Text, draft.Text, rendered.EmptyFields, reasons);
    }
}
