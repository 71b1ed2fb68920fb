using Guichet.Core.Cases;

namespace Guichet.Core.Routing;

/// <summary>
/// The routing rules as an admin reads and writes them in the workspace, one per line, in order:
/// <c>name | channel=email; tier=gold; language=en; terms=facture, invoice; tag=vip; organisation=Acme; field=segment=PME | team=accueil; priority=high; category=billing; tags=b2b, vip</c>.
/// The conditions part may be empty (every case); the API takes the same rules as JSON.
/// </summary>
public static class RoutingRulesText
{
    private static readonly string[] Conditions = ["channel", "tier", "language", "terms", "tag", "organisation", "field"];
    private static readonly string[] Actions = ["team", "priority", "category", "tags"];

    public static string Format(IEnumerable<RoutingRule> rules) => string.Join("\n", rules.OrderBy(r => r.Position).Select(r =>
        $"{r.Name} | {Pairs(("channel", r.Channel?.ToWire()), ("tier", r.Tier), ("language", r.Language), ("terms", r.Terms), ("tag", r.ProfileTag), ("organisation", r.Organisation), ("field", r.Field))} | {Pairs(("team", r.TeamSlug), ("priority", r.Priority?.ToWire()), ("category", r.Category), ("tags", r.Tags))}"));

    public static Result<IReadOnlyList<RoutingRuleRequest>> Parse(string? text)
    {
        var rules = new List<RoutingRuleRequest>();
        var lines = (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            var parts = lines[i].Split('|', StringSplitOptions.TrimEntries);
            if (parts.Length != 3)
            {
                return Failure.Invalid("rules", $"Line {i + 1}: write « name | conditions | actions ».");
            }
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (part, allowed) in new[] { (parts[1], Conditions), (parts[2], Actions) })
            {
                foreach (var pair in part.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    var kv = pair.Split('=', 2, StringSplitOptions.TrimEntries);
                    if (kv.Length != 2 || !allowed.Contains(kv[0]))
                    {
                        return Failure.Invalid("rules", $"Line {i + 1}: « {pair} » is not one of {string.Join(", ", allowed.Select(a => a + "=…"))}.");
                    }
                    values[kv[0]] = kv[1];
                }
            }
            rules.Add(new RoutingRuleRequest(parts[0], values.GetValueOrDefault("channel"), values.GetValueOrDefault("tier"), values.GetValueOrDefault("language"),
                values.GetValueOrDefault("terms"), values.GetValueOrDefault("team"), values.GetValueOrDefault("priority"), values.GetValueOrDefault("category"),
                values.GetValueOrDefault("tag"), values.GetValueOrDefault("organisation"), values.GetValueOrDefault("field"), values.GetValueOrDefault("tags")));
        }
        return rules;
    }

    private static string Pairs(params (string Key, string? Value)[] pairs) =>
        string.Join("; ", pairs.Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => $"{p.Key}={p.Value}"));
}
