using Guichet.Core.Cases;
using Guichet.Core.Customers;
using Guichet.Core.Replies;

namespace Guichet.Core.Surveys;

/// <summary>The survey message itself: the team's "survey" template with the link, on the channel the customer last used.</summary>
public static class SurveyInvitation
{
    /// <summary>
    /// Where the survey goes: the channel of the customer's last contact. A call has no written
    /// answer, so a caller gets it by email when we have an address, and no survey otherwise.
    /// </summary>
    public static Channel? ChannelFor(Case @case, Channel lastContact) => lastContact switch
    {
        Channel.Phone => @case.Customer.Identities.Any(i => i.Kind == IdentityKind.Email) ? Channel.Email : null,
        Channel.Social => @case.Customer.Identities.Any(i => i.Kind == IdentityKind.Social) ? Channel.Social : null,
        _ => lastContact,
    };

    public static Message Write(TemplateBook book, Case @case, Channel channel, string link, DateTimeOffset now)
    {
        var facts = TemplateFacts.Of(@case, now.ToInstant()) with { SurveyLink = link, Channel = channel };
        var composed = book.Automatic(ShippedTemplates.Survey, facts, GuardContext.For(@case.Customer));
        @case.RecordRefusedTemplate(ShippedTemplates.Survey, composed, now);
        var message = new Message
        {
            Direction = MessageDirection.Out,
            Kind = MessageKind.Survey,
            Channel = channel,
            Body = composed.Body,
            AuthorName = @case.Team.Name,
            IsAutomatic = true,
            CreatedAt = now,
        };
        @case.Messages.Add(message);
        return message;
    }
}
