using Guichet.Core.Cases;
using NodaTime;

namespace Guichet.Core.Replies;

/// <summary>
/// The public answer under a social complaint (H6): empathy first, no excuses and no argument in
/// front of everyone, an invitation to continue in private with the case reference, and a concrete
/// date. The team's public-reply template; the agent edits it before it is posted, and the send
/// guard checks it like any reply.
/// </summary>
public static class PublicReply
{
    public static string Draft(TemplateBook book, Case @case, Instant now)
    {
        var due = @case.NextDueAt is { } next ? next.ToInstant() : @case.Team.Calendar.AddBusinessHours(now, @case.Team.PublicResponseBusinessHours);
        var facts = TemplateFacts.Of(@case, now) with { PromiseDue = due };
        var model = facts.ToModel();
        var own = LiquidTemplate.Render(book.Find(@case.Team, ShippedTemplates.PublicReply, facts.Language)!, model);
        // A team's text past the bounds gives way to the shipped one, as automatic messages do.
        return own.Refused is null ? own.Text : LiquidTemplate.Render(ShippedTemplates.Find(ShippedTemplates.PublicReply, facts.Language)!, model).Text;
    }
}
