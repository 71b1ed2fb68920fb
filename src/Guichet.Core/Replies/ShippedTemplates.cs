using System.Collections.Frozen;

namespace Guichet.Core.Replies;

/// <summary>
/// The French and English texts Guichet ships for every team (decision 0015), embedded from
/// <c>Replies/Templates/{key}.{language}.liquid</c>. A team's <see cref="ReplyTemplate"/> replaces one.
/// </summary>
public static class ShippedTemplates
{
    public const string Acknowledgment = "acknowledgment";
    public const string DelayNotice = "delay-notice";
    public const string LateNotice = "late-notice";
    public const string Transfer = "transfer";
    public const string Ceiling = "ceiling";
    public const string Survey = "survey";
    public const string PublicReply = "public-reply";
    public const string IncidentApology = "incident-apology";
    public const string FollowLink = "follow-link";

    /// <summary>Templates Guichet sends by itself; a team may reword them but not remove them.</summary>
    public static readonly IReadOnlyList<string> Keys = [Acknowledgment, DelayNotice, LateNotice, Transfer, Ceiling, Survey, PublicReply, IncidentApology, FollowLink];

    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        [Acknowledgment] = "Accusé de réception",
        [DelayNotice] = "Nouveau délai",
        [LateNotice] = "Délai dépassé",
        [Transfer] = "Changement d'interlocuteur",
        [Ceiling] = "Dossier trop long (plafond)",
        [Survey] = "Questionnaire de satisfaction",
        [PublicReply] = "Réponse publique (réseaux sociaux)",
        [IncidentApology] = "Excuses et geste après un incident",
        [FollowLink] = "Message ajouté à une demande en cours (portail)",
    };

    private static readonly FrozenDictionary<(string, string), string> Texts = Load();

    public static string? Find(string key, string language) => Texts.GetValueOrDefault((key, language));

    /// <summary>Sent by Guichet itself, never picked by an agent for a reply.</summary>
    public static bool IsAutomatic(string key) => key is Acknowledgment or DelayNotice or LateNotice or IncidentApology or Survey or FollowLink;

    public static bool IsShipped(string key) => Keys.Contains(key, StringComparer.Ordinal);

    private static FrozenDictionary<(string, string), string> Load()
    {
        var assembly = typeof(ShippedTemplates).Assembly;
        var texts = new Dictionary<(string, string), string>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Guichet.Templates.", StringComparison.Ordinal)))
        {
            // Guichet.Templates.{key}.{language}.liquid
            var parts = name["Guichet.Templates.".Length..].Split('.');
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            texts[(parts[0], parts[1])] = reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');
        }
        return texts.ToFrozenDictionary();
    }
}
