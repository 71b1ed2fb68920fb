using System.Globalization;
using System.Text.Json;
using Guichet.Core.Cases;
using Guichet.Core.Cases.Fields;
using Guichet.Core.Data;
using Guichet.Core.Notifications;
using Guichet.Core.Promises;
using Guichet.Core.Replies;
using Guichet.Core.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Automations;

/// <summary>
/// What a rule does to a case (W7), each action on the loaded case the way a person's would be
/// done, but by nobody: the timeline names the rule. A reply leaves only if the send guard passes
/// it entirely (nobody is there to correct it); a refused action says why and the others still run.
/// </summary>
public sealed class RuleActions(GuichetDb db, SetCaseFields fields)
{
    public static readonly IReadOnlyList<string> Kinds =
        ["team", "owner", "priority", "status", "addTag", "removeTag", "field", "macro", "note", "notify", "reply", "promise", "webhook"];

    public static readonly string[] Statuses = ["wait", "resolve", "close", "reopen"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Runs the actions in order on a tracked case (with team, owner, customer, tags and promises);
    /// returns what each did. A macro's steps run in its place; a reply refused leaves the case
    /// unresolved, as a macro does (a case is not closed unanswered).
    /// </summary>
    public async Task<List<string>> RunAsync(Rule rule, Case @case, string key, DateTimeOffset now, CancellationToken ct)
    {
        var said = new List<string>();
        var replyRefused = false;
        foreach (var action in rule.Actions)
        {
            var steps = action.Kind == "macro" ? await MacroStepsAsync(action.Value, ct) : [action];
            if (steps is null)
            {
                said.Add($"macro {action.Value}: refused, it no longer exists");
                continue;
            }
            foreach (var step in steps)
            {
                var refused = step is { Kind: "status", Value: "resolve" or "close" } && replyRefused
                    ? "the reply did not leave"
                    : await DoAsync(rule, step, @case, key, now, ct);
                replyRefused |= step.Kind == "reply" && refused is not null;
                said.Add(Say(step, refused));
            }
        }
        return said;
    }

    private static string Say(RuleAction action, string? refused)
    {
        var what = action.Kind switch
        {
            "addTag" => "+" + action.Value,
            "removeTag" => "−" + action.Value,
            "promise" => $"promise « {action.Value} » ({action.Hours:0.#} h)",
            "note" => "note",
            _ => $"{action.Kind} {action.Value}",
        };
        return refused is null ? what : $"{what}: refused, {refused}";
    }

    private async Task<string?> DoAsync(Rule rule, RuleAction action, Case @case, string key, DateTimeOffset now, CancellationToken ct)
    {
        switch (action.Kind)
        {
            case "team":
                // Found among the loaded cases' teams first: no query per run.
                var team = await db.Teams.FindAsync([Id(action.Value)], ct);
                return team is null ? "the team no longer exists"
                    : team.Id == @case.TeamId ? null
                    : @case.TransferTo(team, null, rule.ActorName, null, now)?.Message;
            case "owner":
                var owner = await db.Agents.FindAsync([Id(action.Value)], ct);
                if (owner is not { Active: true })
                {
                    return "that person is no longer active";
                }
                if (owner.TeamId != @case.TeamId && @case.TransferTo((await db.Teams.FindAsync([owner.TeamId], ct))!, owner, rule.ActorName, null, now) is { } moved)
                {
                    return moved.Message;
                }
                @case.AssignTo(owner, null, now);
                return null;
            case "priority":
                return !WireNames.TryParseWire<CasePriority>(action.Value, out var priority) ? "not a priority"
                    : priority == @case.Priority ? null
                    : @case.SetPriority(priority, null, rule.ActorName, now) is { } refused ? refused.Message
                    : Retimed(@case, now);
            case "status" when action.Value == "resolve" && await SetCaseFields.MissingAsync(db, @case.Id, ct) is { Count: > 0 } missing:
                return $"required fields are empty: {string.Join(", ", missing)}";
            case "status":
                return Status(action.Value, @case, now);
            case "addTag" or "removeTag":
                @case.Retag(action.Kind == "addTag" ? [action.Value] : [], action.Kind == "removeTag" ? [action.Value] : [], null, now);
                return null;
            case "field":
                if (!FieldPair.TrySplit(action.Value, out var field, out var value))
                {
                    return "not key=value";
                }
                var set = await fields.StageAsync(@case, new Dictionary<string, string?> { [field] = value }, null, now, ct);
                return set.Failure?.Message;
            case "note":
                @case.AddNote(null, action.Value, now);
                return null;
            case "notify":
                return await NotifyAsync(rule, action.Value, @case, now, ct);
            case "reply":
                return Reply(action.Value, @case, now);
            case "promise":
                Promise.Make(@case, PromiseKind.Commitment, action.Value, @case.Team.Calendar.AddBusinessHours(now.ToInstant(), action.Hours ?? 1).ToUtc(), @case.Owner, toConfirm: false, now);
                return null;
            case "webhook":
                return await WebhookAsync(rule, action.Value, @case, key, now, ct);
            default:
                return "unknown action";
        }
    }

    /// <summary>The service level's targets move with the priority (W8).</summary>
    private string? Retimed(Case @case, DateTimeOffset now)
    {
        ServiceLevels.ServiceTargets.Retime(db, @case, now);
        return null;
    }

    private static long Id(string value) => long.TryParse(value, CultureInfo.InvariantCulture, out var id) ? id : -1;

    private static string? Status(string word, Case @case, DateTimeOffset now) => word switch
    {
        "wait" => @case.Status == CaseStatus.WaitingOnCustomer ? null : @case.WaitForCustomer(null, now)?.Message,
        "reopen" => @case.IsActive ? null : @case.Reopen(null, now)?.Message,
        "close" => @case.Status == CaseStatus.Closed ? null : @case.Close(null, now)?.Message,
        // Nobody is there to say what became of a promise: a case with one running is left open.
        "resolve" when @case.Promises.Any(p => p.IsActive && !p.SettledByResolution) => "the case has open promises",
        "resolve" => @case.Status is CaseStatus.Resolved or CaseStatus.Closed ? null : @case.Resolve(null, now)?.Message,
        _ => "not a status",
    };

    private async Task<string?> NotifyAsync(Rule rule, string who, Case @case, DateTimeOffset now, CancellationToken ct)
    {
        var (kind, id) = who.Split(':') is [var k, var v] ? (k, Id(v)) : (who, -1L);
        var agents = kind switch
        {
            "owner" when @case.OwnerId is { } ownerId => await db.Agents.Where(a => a.Id == ownerId && a.Active).ToListAsync(ct),
            "owner" => await Recipients.LeadsOfAsync(db, @case.TeamId, ct),
            "agent" => await db.Agents.Where(a => a.Id == id && a.Active).ToListAsync(ct),
            "team" => await db.Agents.Where(a => a.TeamId == id && a.Active && a.PasswordHash != "" && a.Role != Agents.AgentRole.Auditor).ToListAsync(ct),
            _ => [],
        };
        if (agents.Count == 0)
        {
            return "nobody to tell";
        }
        foreach (var agent in agents)
        {
            db.Notifications.Add(new Notification { AgentId = agent.Id, CaseId = @case.Id, Kind = NotificationKind.RuleRan, Text = $"{@case.Reference}: {rule.ActorName}", CreatedAt = now });
        }
        return null;
    }

    /// <summary>A reply from the team's template in the customer's language, sent only if the whole send guard passes.</summary>
    private string? Reply(string template, Case @case, DateTimeOffset now)
    {
        var facts = TemplateFacts.Of(@case, now.ToInstant(), @case.Owner?.Name);
        var source = db.TemplateBook.Find(@case.Team, template, facts.Language);
        if (source is null)
        {
            return $"the team has no template '{template}' in this language";
        }
        var rendered = LiquidTemplate.Render(source, facts.ToModel());
        if (rendered.Refused is { } bounds)
        {
            return bounds;
        }
        var guard = GuardContext.For(@case.Customer) with { TemplateUnchanged = true, SensitiveCase = @case.IsDelicate, CarriesPromise = @case.Promises.Any(p => p.IsActive) };
        if (SendGuard.Check(guard.WithTeam(@case.Team) with { Body = rendered.Text, EmptyFields = rendered.EmptyFields }) is { Count: > 0 } reasons)
        {
            return string.Join(" ", reasons.Select(r => r.Message));
        }
        var reply = new Message
        {
            Direction = MessageDirection.Out,
            Kind = MessageKind.Reply,
            Channel = @case.Channel,
            Body = rendered.Text,
            AuthorName = @case.Team.Name,
            IsAutomatic = true,
            CreatedAt = now,
        };
        @case.Messages.Add(reply);
        Outbox.Enqueue(db, @case, reply, now);
        return null;
    }

    /// <summary>A delivery to one of the admins' endpoints, signed and retried like every other (type "rule.ran").</summary>
    private async Task<string?> WebhookAsync(Rule rule, string value, Case @case, string key, DateTimeOffset now, CancellationToken ct)
    {
        var subscription = await db.WebhookSubscriptions.FindAsync([Id(value)], ct);
        if (subscription is not { Active: true })
        {
            return "that webhook is gone or inactive";
        }
        var eventKey = $"r{rule.Id}{key}";
        var payload = new WebhookPayload(eventKey, RuleRanEvent, now,
            WebhookCase.Of(@case, subscription.IncludeContent ? @case.Customer.Name : null),
            Change: new WebhookChange("ruleRan", rule.ActorName, null, rule.Name));
        db.WebhookDeliveries.Add(new WebhookDelivery
        {
            SubscriptionId = subscription.Id,
            EventType = RuleRanEvent,
            EventKey = eventKey.Length > 32 ? eventKey[..32] : eventKey,
            CaseId = @case.Id,
            Payload = subscription.Format == ChatFormats.Json ? JsonSerializer.Serialize(payload, Json) : ChatFormats.Render(subscription.Format, payload, @case.Team.Name),
            CreatedAt = now,
            NextAttemptAt = now,
        });
        return null;
    }

    public const string RuleRanEvent = "rule.ran";

    /// <summary>A macro's steps as rule actions; "assign to me" has nobody to mean here and is left out.</summary>
    private async Task<List<RuleAction>?> MacroStepsAsync(string id, CancellationToken ct)
    {
        var macro = await db.Macros.FindAsync([Id(id)], ct);
        if (macro is null)
        {
            return null;
        }
        var steps = new List<RuleAction>();
        if (macro.Note is { } note)
        {
            steps.Add(new("note", note));
        }
        steps.AddRange(Cases.Macros.Macro.Split(macro.AddTags).Select(t => new RuleAction("addTag", t)));
        steps.AddRange(Cases.Macros.Macro.Split(macro.RemoveTags).Select(t => new RuleAction("removeTag", t)));
        if (macro.Priority is { } p)
        {
            steps.Add(new("priority", p.ToWire()));
        }
        if (macro.AssignTo is { } to and not "me")
        {
            steps.Add(new("owner", to));
        }
        if (macro.PromiseWhat is { } what)
        {
            steps.Add(new("promise", what, macro.PromiseInBusinessHours));
        }
        if (macro.ReplyTemplate is { } template)
        {
            steps.Add(new("reply", template));
        }
        if (macro.Status is { } status)
        {
            steps.Add(new("status", status));
        }
        return steps;
    }
}
