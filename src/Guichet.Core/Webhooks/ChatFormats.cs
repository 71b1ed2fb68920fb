using System.Text.Json;
using System.Text.Json.Nodes;

namespace Guichet.Core.Webhooks;

/// <summary>
/// Team chat notifications (W10): the same events, posted to an incoming-webhook URL in the
/// message format each tool documents — Slack, Mattermost and Rocket.Chat take <c>{"text": …}</c>
/// (Markdown-ish); Microsoft Teams (Workflows) takes a message with one Adaptive Card. The text
/// says the reference, the subject, the team and what happened; the customer's name and words
/// only when the subscription includes content.
/// </summary>
public static class ChatFormats
{
    public const string Json = "json";
    public const string Slack = "slack";
    public const string Teams = "teams";
    public const string Mattermost = "mattermost";
    public const string RocketChat = "rocketchat";

    public static readonly IReadOnlyList<string> All = [Json, Slack, Teams, Mattermost, RocketChat];

    private static readonly Dictionary<string, string> Said = new(StringComparer.Ordinal)
    {
        [WebhookEvents.CaseOpened] = "nouveau dossier",
        [WebhookEvents.CustomerWrote] = "le client a écrit",
        [WebhookEvents.AgentReplied] = "réponse envoyée",
        [WebhookEvents.Urgent] = "URGENT",
        ["case.status_changed"] = "statut changé",
        ["case.assigned"] = "attribué",
        ["case.transferred"] = "transféré",
        ["case.priority_changed"] = "priorité changée",
        ["case.escalated"] = "escalade",
        ["case.tags_changed"] = "étiquettes changées",
        ["case.crisis"] = "pris dans une crise",
        ["promise.made"] = "promesse faite",
        ["promise.kept"] = "promesse tenue",
        ["promise.renegotiated"] = "promesse renégociée",
        ["promise.broken"] = "promesse non tenue",
        ["promise.due_soon"] = "promesse bientôt due",
    };

    public static string Render(string format, WebhookPayload payload, string team)
    {
        var what = Said.GetValueOrDefault(payload.Type, payload.Type);
        var change = payload.Change is { } c && (c.From is not null || c.To is not null) ? $" ({Inert(c.From ?? "—")} → {Inert(c.To ?? "—")})" : "";
        var who = payload.Case.Customer is { } customer ? $" · {Inert(customer)}" : "";
        var words = payload.Message?.Body is { Length: > 0 } body ? "\n> " + Inert(body.Length > 300 ? body[..300] + "…" : body).ReplaceLineEndings("\n> ") : "";
        var subject = Inert(payload.Case.Subject);
        team = Inert(team);
        var text = $"*[{payload.Case.Reference}] {subject}* — {what}{change} · {team}{who}{words}";
        JsonNode message = format == Teams
            ? new JsonObject
            {
                ["type"] = "message",
                ["attachments"] = new JsonArray(new JsonObject
                {
                    ["contentType"] = "application/vnd.microsoft.card.adaptive",
                    ["content"] = new JsonObject
                    {
                        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
                        ["type"] = "AdaptiveCard",
                        ["version"] = "1.4",
                        ["body"] = new JsonArray(
                            new JsonObject { ["type"] = "TextBlock", ["weight"] = "Bolder", ["wrap"] = true, ["text"] = $"[{payload.Case.Reference}] {subject}" },
                            new JsonObject { ["type"] = "TextBlock", ["wrap"] = true, ["text"] = $"{what}{change} · {team}{who}{words}" }),
                    },
                }),
            }
            : new JsonObject { ["text"] = text };
        return message.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>
    /// What a customer wrote, made unable to act in the channel: the characters Slack's markup
    /// reads (&amp; &lt; &gt;, so no &lt;!channel&gt; nor hidden link) escaped as Slack documents, and a
    /// word joiner (U+2060, invisible) after every @, so "@all" or "@here" pings nobody in Mattermost or Rocket.Chat.
    /// </summary>
    private static string Inert(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("@", "@\u2060", StringComparison.Ordinal);
}
