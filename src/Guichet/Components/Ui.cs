using System.Globalization;
using Guichet.Hosting;

namespace Guichet.Components;

/// <summary>
/// The workspace's words in French and English. Language: the "ui_lang" cookie if the agent
/// switched, else their profile, else the browser's. A dictionary, not resx: two languages
/// and one reviewer read them side by side here (docs/decisions/0004).
/// </summary>
public sealed class Ui
{
    public const string Cookie = "ui_lang";

    private static readonly Dictionary<string, (string Fr, string En)> Words = new(StringComparer.Ordinal)
    {
        ["inbox"] = ("Boîte de réception", "Inbox"),
        ["newCase"] = ("Nouveau dossier", "New case"),
        ["signIn"] = ("Se connecter", "Sign in"),
        ["signOut"] = ("Se déconnecter", "Sign out"),
        ["email"] = ("Email", "Email"),
        ["password"] = ("Mot de passe", "Password"),
        ["badLogin"] = ("Email ou mot de passe incorrect.", "Wrong email or password."),
        ["subject"] = ("Objet", "Subject"),
        ["customer"] = ("Client", "Customer"),
        ["team"] = ("Équipe", "Team"),
        ["owner"] = ("Responsable", "Owner"),
        ["status"] = ("Statut", "Status"),
        ["priority"] = ("Priorité", "Priority"),
        ["nextDue"] = ("Prochaine échéance", "Next due"),
        ["contacts"] = ("Contacts", "Contacts"),
        ["nobody"] = ("personne", "nobody"),
        ["nothingDue"] = ("rien d'attendu", "nothing due"),
        ["active"] = ("En cours", "Active"),
        ["all"] = ("Tous", "All"),
        ["mine"] = ("Les miens", "Mine"),
        ["filter"] = ("Filtrer", "Filter"),
        ["noCases"] = ("Aucun dossier ici.", "No cases here."),
        ["messages"] = ("Échanges", "Conversation"),
        ["promises"] = ("Promesses", "Promises"),
        ["timeline"] = ("Historique", "Timeline"),
        ["otherCases"] = ("Ses autres dossiers", "Their other cases"),
        ["reply"] = ("Répondre au client", "Reply to the customer"),
        ["note"] = ("Note interne (invisible pour le client)", "Internal note (the customer never sees it)"),
        ["addNote"] = ("Ajouter la note", "Add note"),
        ["assign"] = ("Attribuer à", "Assign to"),
        ["resolve"] = ("Marquer résolu", "Resolve"),
        ["reopen"] = ("Rouvrir", "Reopen"),
        ["keep"] = ("Tenue", "Kept"),
        ["renegotiate"] = ("Nouvelle date", "New date"),
        ["newPromise"] = ("Nouvelle promesse", "New promise"),
        ["what"] = ("Quoi", "What"),
        ["dueAt"] = ("Pour le", "Due"),
        ["toConfirm"] = ("À confirmer (interne)", "To confirm (internal)"),
        ["add"] = ("Ajouter", "Add"),
        ["automatic"] = ("automatique", "automatic"),
        ["from"] = ("de", "from"),
        ["to"] = ("à", "to"),
        ["timeZone"] = ("Fuseau horaire", "Time zone"),
        ["salutation"] = ("Civilité", "Salutation"),
        ["channel"] = ("Canal", "Channel"),
        ["body"] = ("Message du client", "Customer's message"),
        ["open"] = ("Ouvrir le dossier", "Open the case"),
        ["transfer"] = ("Transférer à l'équipe", "Transfer to team"),
        ["transferNote"] = ("Note de transfert", "Transfer note"),
        ["guardStopped"] = ("Le contrôle d'envoi a arrêté cette réponse :", "The send guard stopped this reply:"),
        ["silentBreach"] = ("échéance dépassée sans nouvelles", "past due, customer not told"),
        ["waitingOnCustomer"] = ("En attente du client", "Waiting on customer"),
        ["st.new"] = ("Nouveau", "New"),
        ["st.open"] = ("Ouvert", "Open"),
        ["st.waitingOnCustomer"] = ("En attente du client", "Waiting on customer"),
        ["st.resolved"] = ("Résolu", "Resolved"),
        ["st.closed"] = ("Fermé", "Closed"),
        ["pr.open"] = ("ouverte", "open"),
        ["pr.kept"] = ("tenue", "kept"),
        ["pr.renegotiated"] = ("renégociée", "renegotiated"),
        ["pr.broken"] = ("rompue", "broken"),
        ["prio.low"] = ("basse", "low"),
        ["prio.normal"] = ("normale", "normal"),
        ["prio.high"] = ("haute", "high"),
        ["prio.urgent"] = ("urgente", "urgent"),
        ["ev.statusChanged"] = ("Statut", "Status"),
        ["ev.assigned"] = ("Attribué", "Assigned"),
        ["ev.transferred"] = ("Transféré", "Transferred"),
        ["ev.escalated"] = ("Escaladé", "Escalated"),
        ["ev.note"] = ("Note", "Note"),
        ["ev.promiseMade"] = ("Promesse faite", "Promise made"),
        ["ev.promiseKept"] = ("Promesse tenue", "Promise kept"),
        ["ev.promiseRenegotiated"] = ("Promesse renégociée", "Promise renegotiated"),
        ["ev.promiseBroken"] = ("Promesse rompue", "Promise broken"),
        ["kind.firstResponse"] = ("Première réponse d'une personne", "First answer from a person"),
        ["ev.ownerAlerted"] = ("Responsable alerté", "Owner alerted"),
        ["ev.ceilingNear"] = ("Plafond proche", "Ceiling near"),
        ["ev.ceilingApprovalRequested"] = ("Accord du manager demandé", "Manager approval requested"),
        ["ev.ceilingApproved"] = ("Dépassement du plafond accordé", "Past-ceiling approved"),
        ["notifications"] = ("Alertes", "Alerts"),
        ["noNotifications"] = ("Aucune alerte.", "No alerts."),
        ["markAllRead"] = ("Tout marquer comme lu", "Mark all read"),
        ["promisesView"] = ("Promesses", "Promises"),
        ["dueSoon"] = ("À tenir", "Due"),
        ["renegotiatedTab"] = ("Renégociées", "Renegotiated"),
        ["brokenTab"] = ("Rompues", "Broken"),
        ["commitment"] = ("Engagement pris dans cette réponse", "Commitment made in this reply"),
        ["none"] = ("aucun", "none"),
        ["c.callBack"] = ("Rappeler le client", "Call the customer back"),
        ["c.shipReplacement"] = ("Envoyer un remplacement", "Ship a replacement"),
        ["c.refund"] = ("Rembourser", "Refund"),
        ["c.decision"] = ("Donner une décision", "Give a decision"),
        ["c.other"] = ("Autre (préciser)", "Other (say what)"),
        ["ceiling"] = ("Plafond", "Ceiling"),
        ["approveCeiling"] = ("Autoriser jusqu'au", "Approve until"),
        ["reason"] = ("Raison", "Reason"),
        ["approve"] = ("Autoriser", "Approve"),
        ["customerNotice"] = ("avis client", "customer notice"),
        ["ownerAlert"] = ("alerte", "alert"),
        ["mailToSort"] = ("Courriels à trier", "Mail to sort"),
        ["mailToSortHelp"] = ("Courriels gardés sans être classés : un inconnu citant le dossier d'un autre client, ou un message illisible. Rien n'est jeté.", "Mail kept but not filed: a stranger quoting another customer's case, or an unreadable message. Nothing is thrown away."),
        ["received"] = ("Reçu", "Received"),
        ["seeCase"] = ("voir le dossier cité", "see the case it quotes"),
        ["download"] = ("télécharger (.eml)", "download (.eml)"),
        ["nothingToSort"] = ("Rien à trier.", "Nothing to sort."),
        ["reprocess"] = ("traiter à nouveau", "process again"),
        ["quotedHistory"] = ("messages précédents cités", "quoted earlier messages"),
        ["sendAnyway"] = ("Envoyer quand même, en connaissance de cause :", "Send anyway, knowingly:"),
        ["justification"] = ("Pourquoi (gardé dans l'historique du dossier)", "Why (kept in the case history)"),
        ["publicReply"] = ("Réponse publique sous le commentaire", "Public answer under the comment"),
        ["publicReplyHelp"] = ("Tout le monde la lira : de l'empathie, une date, et la suite en message privé.", "Everyone will read it: empathy, a date, and the rest in private."),
        ["postPublicly"] = ("Publier la réponse", "Post the answer"),
        ["mergeCase"] = ("Même problème qu'un autre dossier", "Same problem as another case"),
        ["mergeCaseHelp"] = ("Le dossier indiqué rejoint celui-ci (messages, promesses, appels) et se ferme ; ses clients sont fusionnés.", "That case joins this one (messages, promises, calls) and closes; its customer is merged with this one."),
        ["merge"] = ("Fusionner ici", "Merge here"),
        ["mergedOn"] = ("Fusion de clients le", "Customers merged on"),
        ["undoMerge"] = ("Annuler la fusion", "Undo the merge"),
        ["assets"] = ("Équipements, commandes, réservations", "Equipment, orders, bookings"),
        ["id.email"] = ("✉", "✉"),
        ["id.phone"] = ("☎", "☎"),
        ["id.social"] = ("@", "@"),
        ["id.chatVisitor"] = ("chat", "chat"),
        ["portalTitle"] = ("Service client", "Customer service"),
        ["contactUs"] = ("Nous écrire", "Write to us"),
        ["contactHelp"] = ("Nous vous répondons par écrit et vous donnons tout de suite la date de notre réponse.", "We answer in writing and tell you at once by when."),
        ["yourName"] = ("Votre nom", "Your name"),
        ["yourEmail"] = ("Votre adresse e-mail", "Your email address"),
        ["yourMessage"] = ("Votre message", "Your message"),
        ["send"] = ("Envoyer", "Send"),
        ["unknownLink"] = ("Lien inconnu", "Unknown link"),
        ["unknownLinkHelp"] = ("Ce lien n'ouvre aucune demande. Vérifiez-le dans notre e-mail, ou", "This link opens no request. Check it in our email, or"),
        ["portalSent"] = ("Votre message est bien arrivé. Gardez ce lien : il vous permet de suivre votre demande et de nous écrire.", "Your message has arrived. Keep this link: it lets you follow your request and write to us."),
        ["reference"] = ("Référence", "Reference"),
        ["portalPromises"] = ("Nos engagements", "What we promised"),
        ["you"] = ("Vous", "You"),
        ["writeAgain"] = ("Nous écrire à propos de cette demande", "Write to us about this request"),
        ["ps.new"] = ("Reçue, en attente de réponse", "Received, awaiting an answer"),
        ["ps.open"] = ("En cours de traitement", "Being handled"),
        ["ps.waitingOnCustomer"] = ("En attente de votre réponse", "Waiting for your answer"),
        ["ps.resolved"] = ("Résolue", "Resolved"),
        ["ps.closed"] = ("Close", "Closed"),
        ["pp.open"] = ("à venir", "coming"),
        ["pp.kept"] = ("tenu", "kept"),
        ["pp.renegotiated"] = ("nouvelle date", "new date"),
        ["pp.broken"] = ("non tenu", "not kept"),
        ["logCall"] = ("Appel téléphonique", "Phone call"),
        ["callOutcome"] = ("Issue de l'appel", "How the call ended"),
        ["callMinutes"] = ("Durée en minutes", "Length in minutes"),
        ["logCallButton"] = ("Journaliser l'appel", "Log the call"),
        ["call.resolved"] = ("Résolu pendant l'appel", "Resolved during the call"),
        ["call.followUp"] = ("Suite à donner", "Follow-up needed"),
        ["call.redirected"] = ("Renvoyé vers un autre canal (défaut)", "Sent to another channel (defect)"),
        ["call.missed"] = ("Manqué", "Missed"),
        ["call.voicemail"] = ("Message vocal", "Voicemail"),
        ["ev.deliveryFailed"] = ("Échec de remise du courriel", "Email delivery failed"),
        ["ev.guardOverridden"] = ("Envoyé malgré un avertissement", "Sent despite a warning"),
        ["ev.guardBlocked"] = ("Modèle de l'équipe refusé, texte standard envoyé", "Team template refused, standard text sent"),
        ["insertTemplate"] = ("Insérer un modèle", "Insert a template"),
        ["fieldsToFill"] = ("Champs à remplir avant l'envoi :", "Fields to fill in before sending:"),
        ["templates"] = ("Modèles", "Templates"),
        ["templatesHelp"] = ("Les textes que Guichet envoie et les modèles de réponse de l'équipe, en Liquid. Un champ vide bloque l'envoi (Q1).", "The texts Guichet sends and the team's reply templates, in Liquid. An empty field stops the message (Q1)."),
        ["shippedText"] = ("Texte standard", "Standard text"),
        ["customised"] = ("Personnalisé", "Customised"),
        ["save"] = ("Enregistrer", "Save"),
        ["resetToShipped"] = ("Revenir au texte standard", "Back to the standard text"),
        ["delete"] = ("Supprimer", "Delete"),
        ["fields"] = ("Champs disponibles", "Available fields"),
        ["variablesToSupply"] = ("Variables à fournir à l'envoi", "Variables to supply when sending"),
        ["preview"] = ("Aperçu", "Preview"),
        ["previewOnCase"] = ("Aperçu sur un dossier", "Preview on a case"),
        ["newTemplate"] = ("Nouveau modèle", "New template"),
        ["key"] = ("Clé", "Key"),
        ["saved"] = ("Enregistré.", "Saved."),
        ["language"] = ("Langue", "Language"),
        ["name"] = ("Nom", "Name"),
        ["help"] = ("Aide", "Help"),
        ["searchHelp"] = ("Votre question en quelques mots", "Your question in a few words"),
        ["search"] = ("Rechercher", "Search"),
        ["noArticle"] = ("Aucun article ne correspond.", "No article matches."),
        ["stillNeedHelp"] = ("Vous n'avez pas trouvé ? Écrivez-nous.", "Not found? Write to us."),
        ["knowledge"] = ("Base de connaissance", "Knowledge base"),
        ["suggestedArticles"] = ("Articles qui répondent", "Articles that answer"),
        ["articleFromCase"] = ("Faire un article de ce dossier", "Make an article from this case"),
        ["title"] = ("Titre", "Title"),
        ["tags"] = ("Étiquettes", "Tags"),
        ["public"] = ("Public (visible des clients)", "Public (customers see it)"),
        ["published"] = ("Publié", "Published"),
        ["draft"] = ("Brouillon", "Draft"),
        ["newArticle"] = ("Nouvel article", "New article"),
        ["inCases"] = ("Dans les dossiers", "In cases"),
        ["escalations"] = ("Escalades", "Escalations"),
        ["escalationsHelp"] = ("Les dossiers mis entre les mains d'un responsable : fraude, problème majeur, conversation qui s'enlise, colère qui monte. La raison est donnée.", "Cases put in a lead's or manager's hands: fraud, a major problem, a stalled conversation, rising anger. The reason is given."),
        ["escalatedTo"] = ("Remonté à", "Put to"),
        ["esc.lead"] = ("Responsable d'équipe", "Team lead"),
        ["esc.manager"] = ("Responsable du service", "Service manager"),
        ["noEscalation"] = ("Aucun dossier remonté.", "No escalated case."),
        ["case"] = ("Dossier", "Case"),
        ["ev.reExplained"] = ("Le client a dû réexpliquer", "Customer had to explain again"),
        ["orToPerson"] = ("ou à une personne", "or to a person"),
        ["summaryTitle"] = ("Ce qu'il faut savoir avant de répondre", "What to know before answering"),
        ["asked"] = ("Demande :", "Asked:"),
        ["promised"] = ("Promis :", "Promised:"),
        ["tried"] = ("Déjà fait :", "Already done:"),
        ["tone"] = ("Ton du client :", "Customer's tone:"),
        ["tone.calm"] = ("calme", "calm"),
        ["tone.annoyed"] = ("agacé", "annoyed"),
        ["tone.angry"] = ("en colère", "angry"),
        ["transfers"] = ("Transferts", "Transfers"),
        ["reExplanations"] = ("Réexplications", "Re-explanations"),
        ["crises"] = ("Crises", "Crises"),
        ["crisesHelp"] = ("Une crise déclarée (tempête, inondation, panne, grève) rend urgents les dossiers des clients de sa région, leur envoie ses propres textes et bloque les modèles standard et les frais qu'elle annule.", "A declared crisis (storm, flood, outage, strike) makes its region's customers' cases urgent, sends them its own texts, and blocks standard templates and the fees it waives."),
        ["kind"] = ("Nature", "Kind"),
        ["regions"] = ("Région (codes postaux, préfixes en *)", "Region (postal codes, prefixes with *)"),
        ["fees"] = ("Frais annulés (un par ligne, « CODE : libellé »)", "Fees waived (one per line, \"CODE: label\")"),
        ["crisisAck"] = ("Accusé de réception de crise (Liquid)", "Crisis acknowledgment (Liquid)"),
        ["crisisReply"] = ("Réponse de crise (Liquid, proposée aux conseillers)", "Crisis reply (Liquid, offered to agents)"),
        ["declareCrisis"] = ("Déclarer une crise", "Declare a crisis"),
        ["endCrisis"] = ("Mettre fin", "End it"),
        ["scheduled"] = ("À venir", "Scheduled"),
        ["ended"] = ("Terminée", "Ended"),
        ["inCrisis"] = ("Client touché par la crise", "Customer caught in the crisis"),
        ["crisisTemplate"] = ("Réponse de crise", "Crisis reply"),
        ["ev.crisisJoined"] = ("Crise", "Crisis"),
        ["ev.routed"] = ("Routage", "Routing"),
        ["routing"] = ("Routage", "Routing"),
        ["routingRules"] = ("Règles de routage, dans l'ordre", "Routing rules, in order"),
        ["routingRulesHelp"] = ("Une règle par ligne : « nom | channel=email; tier=gold; language=en; terms=facture, invoice | team=accueil; priority=high; category=billing ». Pour chaque action, la première règle qui correspond l'emporte ; une équipe nommée par le canal d'arrivée est gardée.", "One rule per line: \"name | channel=email; tier=gold; language=en; terms=invoice | team=desk; priority=high; category=billing\". For each action the first matching rule wins; a team named by the door is kept."),
        ["agentsPresence"] = ("Conseillers", "Agents"),
        ["load"] = ("Dossiers", "Cases"),
        ["presence"] = ("Présence", "Presence"),
        ["presence.available"] = ("Disponible", "Available"),
        ["presence.away"] = ("Absent", "Away"),
        ["presence.offline"] = ("Hors ligne", "Offline"),
        ["ev.callLogged"] = ("Appel journalisé", "Call logged"),
        ["ev.redirectedElsewhere"] = ("Défaut : client renvoyé vers un autre canal", "Defect: customer sent to another channel"),
        ["in.held"] = ("en attente", "held"),
        ["in.quarantined"] = ("en quarantaine", "quarantined"),
    };

    public Ui(IHttpContextAccessor accessor)
    {
        var http = accessor.HttpContext;
        var chosen = http?.Request.Cookies[Cookie]
            ?? http?.User.FindFirst(AgentPrincipal.UiLanguageClaim)?.Value
            ?? (http?.Request.Headers.AcceptLanguage.ToString().StartsWith("en", StringComparison.OrdinalIgnoreCase) == true ? "en" : "fr");
        Language = chosen == "en" ? "en" : "fr";
        Culture = CultureInfo.GetCultureInfo(Language == "en" ? "en-GB" : "fr-FR");
    }

    public string Language { get; }
    public CultureInfo Culture { get; }

    public string this[string key] => Words.TryGetValue(key, out var w) ? (Language == "en" ? w.En : w.Fr) : key;

    /// <summary>"in 3 h 10 min" / "dans 3 h 10 min", "2 d ago" / "il y a 2 j".</summary>
    public string Relative(DateTimeOffset when, DateTimeOffset now)
    {
        var span = when - now;
        var abs = span.Duration();
        var text = abs.TotalMinutes < 1 ? (Language == "en" ? "now" : "maintenant")
            : abs.TotalHours < 1 ? $"{(int)abs.TotalMinutes} min"
            : abs.TotalDays < 1 ? $"{(int)abs.TotalHours} h {abs.Minutes:00}"
            : Language == "en" ? $"{(int)abs.TotalDays} d {abs.Hours} h" : $"{(int)abs.TotalDays} j {abs.Hours} h";
        if (abs.TotalMinutes < 1)
        {
            return text;
        }
        return span > TimeSpan.Zero
            ? (Language == "en" ? $"in {text}" : $"dans {text}")
            : (Language == "en" ? $"{text} ago" : $"il y a {text}");
    }

    /// <summary>An absolute time in a zone, short: "mar. 1 déc. 16:00" / "Tue 1 Dec 16:00".</summary>
    public string Absolute(DateTimeOffset when, string timeZone)
    {
        var zone = NodaTime.DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZone) ?? NodaTime.DateTimeZone.Utc;
        var local = NodaTime.Instant.FromDateTimeOffset(when).InZone(zone).ToDateTimeUnspecified();
        return local.ToString("ddd d MMM HH:mm", Culture);
    }

    /// <summary>A file size as people read it: 820 o / 14 Ko / 3,2 Mo (or B, KB, MB).</summary>
    public string Size(long bytes)
    {
        var (b, kb, mb) = Language == "en" ? ("B", "KB", "MB") : ("o", "Ko", "Mo");
        var culture = System.Globalization.CultureInfo.GetCultureInfo(Language == "en" ? "en-GB" : "fr-FR");
        return bytes < 1024 ? $"{bytes} {b}"
            : bytes < 1024 * 1024 ? string.Create(culture, $"{bytes / 1024.0:0} {kb}")
            : string.Create(culture, $"{bytes / (1024.0 * 1024):0.0} {mb}");
    }
}
