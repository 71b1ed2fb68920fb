using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Guichet.Bench;

/// <summary>
/// A reproducible Zendesk export for the import benchmark (issue 28): groups, two custom fields,
/// organisations, agents and one end-user per five tickets (identities sideloaded), and the tickets
/// as tickets-with-comments.jsonl, each with its comments (the customer's first word, the agents'
/// replies, an internal note), tags and field values.
/// </summary>
public static class ZendeskCorpus
{
    private static readonly string[] Subjects = ["Colis jamais livré", "Remboursement en attente", "Facture incorrecte", "Modem défectueux", "Cannot log in to my account", "Wrong invoice amount"];
    private static readonly string[] Statuses = ["closed", "closed", "closed", "solved", "solved", "open", "pending", "new"];

    public static void Write(string folder, int tickets, int commentsPerTicket, int seed)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(seed);
        var customers = Math.Max(1, tickets / 5);
        const int agents = 50;
        Json(folder, "groups.json", w =>
        {
            w.WriteStartArray("groups");
            foreach (var (id, name) in new[] { (1, "Support N1"), (2, "Facturation"), (3, "Technique") })
            {
                w.WriteStartObject(); w.WriteNumber("id", id); w.WriteString("name", name); w.WriteBoolean("deleted", false); w.WriteEndObject();
            }
            w.WriteEndArray();
        });
        Json(folder, "ticket_fields.json", w =>
        {
            w.WriteStartArray("ticket_fields");
            w.WriteStartObject(); w.WriteNumber("id", 101); w.WriteString("type", "text"); w.WriteString("title", "Numéro de commande bench"); w.WriteEndObject();
            w.WriteStartObject(); w.WriteNumber("id", 102); w.WriteString("type", "tagger"); w.WriteString("title", "Motif bench");
            w.WriteStartArray("custom_field_options");
            foreach (var (name, value) in new[] { ("Livraison", "motif_livraison"), ("Facturation", "motif_facturation"), ("Technique", "motif_technique") })
            {
                w.WriteStartObject(); w.WriteString("name", name); w.WriteString("value", value); w.WriteEndObject();
            }
            w.WriteEndArray(); w.WriteEndObject();
            w.WriteEndArray();
        });
        Json(folder, "organizations.json", w =>
        {
            w.WriteStartArray("organizations");
            for (var o = 1; o <= 1000; o++)
            {
                w.WriteStartObject(); w.WriteNumber("id", o); w.WriteString("name", $"Entreprise bench {o}"); w.WriteEndObject();
            }
            w.WriteEndArray();
        });
        Json(folder, "users.json", w =>
        {
            w.WriteStartArray("users");
            for (var a = 1; a <= agents; a++)
            {
                w.WriteStartObject(); w.WriteNumber("id", a); w.WriteString("name", $"Agent Bench {a}"); w.WriteString("email", $"agent{a}@bench-support.example.com");
                w.WriteString("role", "agent"); w.WriteBoolean("active", true); w.WriteNumber("default_group_id", 1 + (a % 3)); w.WriteString("locale", "fr"); w.WriteEndObject();
            }
            for (var c = 1; c <= customers; c++)
            {
                w.WriteStartObject(); w.WriteNumber("id", 1000 + c); w.WriteString("name", $"Client Bench {c}"); w.WriteString("email", $"client{c}@bench.example.com");
                w.WriteString("role", "end-user"); w.WriteBoolean("active", true); w.WriteString("locale", c % 4 == 0 ? "en-US" : "fr");
                w.WriteNumber("organization_id", 1 + (c % 1000)); w.WriteEndObject();
            }
            w.WriteEndArray();
        });
        var start = new DateTimeOffset(2021, 1, 4, 8, 0, 0, TimeSpan.Zero);
        using var lines = new StreamWriter(Path.Combine(folder, "tickets-with-comments.jsonl"), false, new UTF8Encoding(false), 1 << 20) { NewLine = "\n" };
        var buffer = new MemoryStream();
        for (var t = 0; t < tickets; t++)
        {
            buffer.SetLength(0);
            using (var w = new Utf8JsonWriter(buffer))
            {
                var id = 100_000 + t;
                var created = start.AddSeconds(t * 90L);
                var requester = 1001 + random.Next(customers);
                var agent = 1 + random.Next(agents);
                var status = Statuses[random.Next(Statuses.Length)];
                w.WriteStartObject();
                w.WriteNumber("id", id);
                w.WriteStartObject("via"); w.WriteString("channel", t % 3 == 0 ? "web" : "email"); w.WriteEndObject();
                w.WriteString("created_at", created.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
                w.WriteString("updated_at", created.AddHours(commentsPerTicket * 3).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
                w.WriteString("subject", $"{Subjects[t % Subjects.Length]} #{id}");
                w.WriteString("priority", (t % 10) switch { 0 => "high", 1 => "urgent", 2 => "low", _ => "normal" });
                w.WriteString("status", status);
                w.WriteNumber("requester_id", requester);
                if (status != "new")
                {
                    w.WriteNumber("assignee_id", agent);
                }
                w.WriteNumber("group_id", 1 + (t % 3));
                w.WriteStartArray("tags"); w.WriteStringValue(t % 2 == 0 ? "bench" : "import"); w.WriteStringValue($"lot_{t % 20}"); w.WriteEndArray();
                w.WriteStartArray("custom_fields");
                w.WriteStartObject(); w.WriteNumber("id", 101); w.WriteString("value", $"CMD-{id}"); w.WriteEndObject();
                w.WriteStartObject(); w.WriteNumber("id", 102); w.WriteString("value", (t % 3) switch { 0 => "motif_livraison", 1 => "motif_facturation", _ => "motif_technique" }); w.WriteEndObject();
                w.WriteEndArray();
                w.WriteStartArray("comments");
                for (var c = 0; c < commentsPerTicket; c++)
                {
                    var byCustomer = c % 2 == 0;
                    var note = c == 3;
                    w.WriteStartObject();
                    w.WriteNumber("id", (long)id * 10 + c);
                    w.WriteNumber("author_id", byCustomer && !note ? requester : agent);
                    w.WriteBoolean("public", !note);
                    w.WriteString("plain_body", note
                        ? "Note interne : vérifier le suivi transporteur avant de répondre."
                        : byCustomer ? $"Bonjour, je vous écris au sujet de ma commande CMD-{id}. Elle n'est toujours pas arrivée et personne ne me répond. Merci de faire le nécessaire rapidement."
                        : $"Bonjour, nous avons bien reçu votre message concernant CMD-{id}. Nous revenons vers vous dès que le transporteur nous répond. Cordialement.");
                    w.WriteString("created_at", created.AddHours(c * 3).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            lines.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        }
    }

    private static void Json(string folder, string file, Action<Utf8JsonWriter> body)
    {
        using var stream = File.Create(Path.Combine(folder, file));
        using var w = new Utf8JsonWriter(stream);
        w.WriteStartObject();
        body(w);
        w.WriteEndObject();
    }
}
