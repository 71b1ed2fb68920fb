using System.Text.Json;

namespace Guichet.Core.Imports.Zammad;

/// <summary>Who and what the tickets refer to: groups, ticket attributes, organisations and users.</summary>
internal static class ZammadDirectory
{
    /// <summary>User 1 "-" is Zammad's system user: the author of automations and the owner of unassigned tickets, nobody to import.</summary>
    public const string SystemUser = "1";

    public static ImportRecord Team(JsonElement group) => group.Id("id") is { } id
        ? new ImportedTeam(id, group.Text("name") ?? id)
        : new RefusedRecord("team", group.Text("name") ?? "?", "the group has no id");

    /// <summary>A ticket attribute, or null for another object's (users', organisations') or a built-in one.</summary>
    public static ImportRecord? Field(JsonElement attribute)
    {
        var name = attribute.Text("name");
        // The full list also holds the built-in attributes (title, state_id…): those are not editable.
        if (attribute.Text("object") is { } on && on != "Ticket" || !attribute.Flag("editable", true))
        {
            return null;
        }
        if (name is null)
        {
            return new RefusedRecord("field", attribute.Id("id") ?? "?", "the ticket attribute has no name");
        }
        var type = attribute.Text("data_type");
        FieldKind? kind = type switch
        {
            "input" or "textarea" or "richtext" => FieldKind.Text,
            "integer" => FieldKind.Number,
            "date" or "datetime" => FieldKind.Date,
            "select" or "tree_select" => FieldKind.List,
            "multiselect" or "multi_tree_select" => FieldKind.Multi,
            "boolean" => FieldKind.YesNo,
            _ => null,
        };
        if (kind is not { } known)
        {
            return new RefusedRecord("field", name, $"the attribute's data type \"{type}\" has no Guichet kind; its values are left out");
        }
        var options = known is FieldKind.List or FieldKind.Multi && attribute.Get("data_option") is { } option ? Options(option).ToList() : [];
        return new ImportedField(name, attribute.Text("display") ?? name, known, options);
    }

    /// <summary>A select's options: a map value → label, or (tree selects) a list of nodes with children, each value its path.</summary>
    private static IEnumerable<(string Value, string Label)> Options(JsonElement dataOption)
    {
        foreach (var entry in dataOption.Entries("options"))
        {
            yield return (entry.Name, entry.Value.Scalar() ?? entry.Name);
        }
        foreach (var node in Nodes(dataOption.Items("options")))
        {
            yield return node;
        }
    }

    private static IEnumerable<(string Value, string Label)> Nodes(IEnumerable<JsonElement> nodes)
    {
        foreach (var node in nodes)
        {
            if (node.Text("value") is { } value)
            {
                yield return (value, node.Text("name") ?? value);
            }
            foreach (var child in Nodes(node.Items("children")))
            {
                yield return child;
            }
        }
    }

    public static ImportRecord Organisation(JsonElement organization)
    {
        if (organization.Id("id") is not { } id)
        {
            return new RefusedRecord("organisation", organization.Text("name") ?? "?", "the organization has no id");
        }
        var domains = organization.Text("domain") is { } domain ? new[] { domain.Trim().ToLowerInvariant() } : [];
        return new ImportedOrganisation(id, organization.Text("name") ?? id, domains, organization.Text("note"));
    }

    /// <summary>A user, or null for the system user.</summary>
    public static ImportRecord? Person(JsonElement user)
    {
        var id = user.Id("id");
        if (id == SystemUser)
        {
            return null;
        }
        if (id is null)
        {
            return new RefusedRecord("person", user.Text("login") ?? "?", "the user has no id");
        }
        // Zammad's default roles: 1 Admin, 2 Agent, 3 Customer.
        var roles = user.Items("role_ids").Select(r => r.Scalar()).ToHashSet();
        var isAdmin = roles.Contains("1");
        var isAgent = isAdmin || roles.Contains("2");
        var name = $"{user.Text("firstname")} {user.Text("lastname")}".Trim();
        var emails = user.Text("email") is { } email ? new[] { email.Trim() } : [];
        var phones = new[] { user.Text("phone"), user.Text("mobile") }.OfType<string>().Select(p => p.Trim()).Distinct().ToList();
        var language = user.Get("preferences") is { } preferences && preferences.Text("locale") is { } locale ? Language(locale) : null;
        var organisations = new[] { user.Id("organization_id") }.Concat(user.Items("organization_ids").Select(o => o.Scalar()))
            .OfType<string>().Distinct().ToList();
        return new ImportedPerson(id, name.Length > 0 ? name : user.Text("email") ?? user.Text("login") ?? id, isAgent, isAdmin, user.Flag("active", true),
            emails, phones, language, isAgent ? TeamOf(user) : null, organisations);
    }

    /// <summary>An agent's team: the first group they fully work in, else the first they can see.</summary>
    private static string? TeamOf(JsonElement user)
    {
        var groups = user.Entries("group_ids").ToList();
        var full = groups.FirstOrDefault(g => g.Value.ValueKind == JsonValueKind.Array && g.Value.EnumerateArray().Any(a => a.Scalar() == "full"));
        return full.Value.ValueKind != JsonValueKind.Undefined ? full.Name : groups.Select(g => g.Name).FirstOrDefault();
    }

    /// <summary>Zammad's locale "fr-fr" as Guichet's language "fr".</summary>
    public static string Language(string locale) => locale.Split('-')[0].Trim().ToLowerInvariant();
}
