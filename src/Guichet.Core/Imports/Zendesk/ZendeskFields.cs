using System.Text.Json;

namespace Guichet.Core.Imports.Zendesk;

/// <summary>Zendesk's custom ticket fields; its system fields (subject, status, group…) are the case's own and are skipped.</summary>
internal static class ZendeskFields
{
    private static readonly HashSet<string> System = ["subject", "description", "status", "tickettype", "priority", "group", "assignee", "custom_status", "brand", "ticket_form"];

    public static ImportedField? Of(JsonElement field)
    {
        var type = field.Text("type") ?? "";
        if (field.Text("id") is not { } id || System.Contains(type))
        {
            return null;
        }
        var kind = type switch
        {
            "integer" or "decimal" => FieldKind.Number,
            "date" => FieldKind.Date,
            "tagger" => FieldKind.List,
            "multiselect" => FieldKind.Multi,
            "checkbox" => FieldKind.YesNo,
            _ => FieldKind.Text,
        };
        var options = field.Items("custom_field_options")
            .Select(o => (Value: o.Text("value") ?? "", Label: o.Text("name") ?? o.Text("value") ?? ""))
            .Where(o => o.Value.Length > 0).ToList();
        return new ImportedField(id, field.Text("title") ?? $"Zendesk field {id}", kind, options);
    }
}
