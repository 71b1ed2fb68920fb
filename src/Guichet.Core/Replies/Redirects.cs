using Guichet.Core.Language;

namespace Guichet.Core.Replies;

/// <summary>
/// C3's words: a reply that sends the customer elsewhere (another address, number, department,
/// form or company) instead of transferring the case and answering here (SPEC C3, seeds/001:
/// "écrivez au service Bagages"). Instructions only: "merci d'avoir écrit", "nous vous
/// appellerons", "le service Bagages vous répondra ici" are not redirects.
/// </summary>
public static class Redirects
{
    private const string Write = "=écrire|=écrivez|=écrivant|=envoyer|=envoyez|=envoyant|=renvoyer|=renvoyez|=adresser|=adressez|=transmettre|=transmettez|=contacter|=contactez|=contacte|=contactiez|=joindre|=joignez|=solliciter|=sollicitez|=saisir|=saisissez|=rapprocher|=rapprochez|=write|=email|=send|=resend|=contact|=contacting|=reach|=forward|=direct|=address|=lodge|=submit|=raise|=take";
    private const string Call = "=appeler|=appelez|=appeliez|=rappelez|=téléphoner|=téléphonez|=joindre|=joignez|=composer|=composez|=contacter|=contactez|=call|=calling|=phone|=ring|=dial|=text";
    private const string Elsewhere = "service|services|département|departement|pôle|cellule|équipe|agence|boutique|magasin|bureau|guichet|transporteur|compagnie|banque|assureur|assurance|fournisseur|vendeur|fabricant|constructeur|comptabilité|SAV|support|hôtel|conseiller|" +
        "department|team|desk|office|branch|store|shop|carrier|courier|airline|bank|insurer|insurance|supplier|seller|manufacturer|retailer|hotline|helpline|line|depot|hotel|agent|issuer|portal|property|staff|counter|reception|accueil|comptoir|réception";

    public static readonly IReadOnlyList<string> Phrases =
    [
        // "Écrivez à bagages@example.com", "Please write to claims@example.com", "send your photos to returns@…"
        $"{Write}|=écrire|photos|documents|pièces|justificatifs @email",
        // "Merci d'appeler le 01 80 00 00 01", "call us on 0800 123 456"
        $"{Call} @phone",
        // "Merci d'écrire directement au service Bagages", "contactez le service client", "you need to contact the airline"
        $"{Write}|{Call} {Elsewhere}",
        "=voyez|=voyiez|=voir|=check|=speak|=talk|=parlez|=adressez|=adresser avec|with|to|à|au|aux {0}",
        "=visit|=rendez|=rendre|=allez|=aller|=go|=drop|=pop|=stop|=head|=passez|=passer|=présentez|=présenter {0}",
        "=direct|=address|=send|=forward|=adressez|=adresser|=envoyez your|votre|vos|all query|queries|request|requests|demande|demandes|question|questions|correspondence|courrier|courriers to|à|au",
        "not|pas something|quelque|chose we|nous handle|deal|traitons|gérons|traite|gère",
        "=you =should|=must|=need|=needs|=have =call|=contact|=phone|=email|=write|=visit|=go|=apply|=ask|=speak|=see|=get",
        // "Get in touch with our billing department", "reach out to the returns team", "take this up with the seller"
        "=get in touch|contact with|=at",
        "=reach out to",
        "take|raise this|it up|with",
        "go|head back|over to",
        "=try|=tried|=trying contacting|calling|=contact|=call|=phone",
        "il|vous =faut|=faudra|=faudrait|=devez|=devrez|=devriez|=deviez|=conseille|=invite|=invitons =que? passer|contacter|appeler|écrire|adresser|rendre|rapprocher|présenter|déposer|faire|refaire|renouveler|appeliez|contactiez|adressiez|passiez",
        "=présentez|=présenter =vous|au|à|en",
        "=vous =présenter",
        "=passez|=passer en|au|à|par boutique|agence|magasin|guichet|bureau|service",
        "=refaire|=refaites|=renouveler|=renouvelez|=renvoyer|=renvoyez|=déposer|=déposez votre|la|une demande|réclamation|dossier",
        "=log|=sign in|into",
        "=connectez|=connecter =vous|à|sur",
        "=espace client",
        "=utilisez|=utiliser|=use|=open chat|tchat|messagerie|live",
        "=apply|=request through|via|from|on",
        // "Adressez-vous à votre agence", "rendez-vous sur notre site", "il faut passer par le formulaire en ligne", "use the form on our website"
        "=adressez|=adressez-vous =vous",
        "=rendez =vous sur|en|à|site|agence|boutique|magasin|@url",
        $"=passer|=passez|=utiliser|=utilisez|=remplir|=remplissez|=use|=fill|=complete|=submit|=visit|=go|=allez|=connectez|=rendre formulaire|site|espace|application|appli|form|website|site|portal|app|page|@url|online|ligne",
        "=via|=sur|=on|=at @url",
        "=veuillez|=merci|=please =nous|=us =envoyer|=send|=adresser|=écrire =un|=an|=une e-mail|email|mail|courriel",
        // "Veuillez appeler le 15", "please call 999": an emergency or short number is still another door.
        "=appeler|=appelez|=composer|=composez|=call|=dial|=ring 15|17|18|112|115|119|911|999|111|3114",
        "=veuillez|=please =appeler|=appelez|=call|=téléphoner|=phone|=contacter|=contact|=écrire|=write",
        "=envoyez|=envoyer|=send|=email|=écrivez nous|us un|an mail|courriel|message|e-mail|email",
        "=faire|=faites|=déposer|=déposez|=make|=file|=submit|=raise la|une|a demande|réclamation|claim|request|complaint auprès|directly|directement|with|to",
        // "Cela ne relève pas de notre service", "this is not our department", "we don't handle refunds"
        "=relève|=relevé pas",
        "pas notre ressort|service|rayon",
        "not our department|team|responsibility|area",
        "we not handle|deal|manage",
    ];

    public static readonly Vocabulary Words = Vocabulary.Of(Phrases.Select(p => p.Replace("{0}", Elsewhere, StringComparison.Ordinal)));

    /// <summary>
    /// The first redirect in a reply, with the team's own phrases: an instruction to the customer,
    /// not what Guichet's side will do ("nous vous appellerons", "our team will call you") nor
    /// thanks for what they did ("thanks for reaching out").
    /// </summary>
    public static PhraseMatch? FirstIn(RuleText text, Vocabulary team) =>
        Words.With(team).AllIn(text).FirstOrDefault(m => !OursOrThanks(text, m));

    public static PhraseMatch? FirstIn(string text) => FirstIn(RuleText.Of(text), Vocabulary.Empty);

    private static readonly HashSet<string> Ours = new(["nous", "we", "will", "shall", "ll", "allons", "va", "vont", "je", "i", "for", "pour", "avons", "have", "has", "ai", "avoir"], StringComparer.Ordinal);

    private static bool OursOrThanks(RuleText text, PhraseMatch match)
    {
        var first = text.Tokens.Select((t, i) => (t, i)).First(x => x.t.Start >= match.Start).i;
        for (var i = Math.Max(0, first - 2); i < first; i++)
        {
            if (Ours.Contains(text.Tokens[i].Folded))
            {
                return true;
            }
        }
        return false;
    }
}
