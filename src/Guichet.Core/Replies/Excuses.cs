using Guichet.Core.Language;

namespace Guichet.Core.Replies;

/// <summary>
/// P4's words: what a delay notice must not say. A notice says sorry, here is the new date, thank
/// you; it does not blame a strike, a sick colleague, a virus, the volume of requests or the
/// weather (SPEC P4, seeds/001). Read as people write (<see cref="Vocabulary"/>); the send guard
/// and the template lint both use it, with the words a team adds.
/// </summary>
public static class Excuses
{
    private const string Causes =
        "grève|grèves|gréviste*|mouvement|manifestation*|maladie|malade|malades|absence|absences|absent*|congé|congés|vacances|effectif*|personnel|" +
        "panne|pannes|virus|bug|bugs|cyberattaque|attaque|piratage|informatique|système|systèmes|serveur*|intempéries|neige|tempête|orage*|météo|inondation*|" +
        "volume|afflux|surcharge|affluence|demandes|sollicitations|nombre|transporteur|fournisseur|problème|problèmes|souci|soucis|incident|incidents|difficulté*|prestataire|sous-traitant|partenaire|contexte|circonstances|crise|pandémie|covid|épidémie|" +
        "strike|strikes|industrial|illness|sickness|sick|absences|holiday|holidays|vacation|staff|staffing|shortage|shortages|outage|outages|crash|system|systems|IT|server*|" +
        "weather|snow|storm|flood*|demand|influx|backlog|requests|supplier|courier|carrier|partner|circumstances|pandemic|workload|problem|problems|issue|issues|incident|difficulties";

    private const string Suppliers = "fournisseur|fournisseurs|prestataire|prestataires|sous-traitant|fabricant|transporteur|transporteurs|partenaire|poste|douane|douanes|hôtel|compagnie|" +
        "supplier|suppliers|manufacturer|courier|carrier|partner|customs|hotel|airline|vendor";
    private const string Trouble = "retard|retards|retardé*|délai|délais|difficulté*|problème|problèmes|souci|égaré*|perdu*|panne|bloqué*|" +
        "delay|delays|delayed|late|behind|let|difficulties|issues|problem|problems|capacity|held|hold-up|lost|mislaid|slow";

    public static readonly IReadOnlyList<string> Phrases =
    [
        // "En raison d'une grève", "suite à des absences", "due to a strike", "because of staff illness", "owing to the weather"
        $"raison|cause|suite|compte|lié|liée|liés|because|owing|following|result|=due|caused {Causes}",
        $"=dû|=du|=dus|=due|=dues =à|=a|=au|=aux {Causes}",
        // Events that are excuses wherever they stand in a delay notice.
        "grève|grèves|gréviste*|strike|strikes|striking",
        "industrial action",
        "mouvement social",
        "intempéries|neige|tempête|orage|orages|inondé*|inondation*|canicule|verglas|snow|snowstorm|storm|storms|flood|flooded|flooding|floods|heatwave",
        "covid|pandémie|pandemic|épidémie|grippe|flu",
        "coupure courant|électricité|réseau",
        "power cut|outage|failure",
        "outage|outages|virus|bug|bugs|glitch|cyberattaque|cyberattack",
        "arrêt maladie|travail",
        "malade|malades|maladie|sick|unwell|flu|grippe",
        "tombé|tombée|fell|fallen|been|off malade|ill|sick",
        "en|on congé|congés|vacances|holiday|holidays|leave|formation|training",
        "bank holiday",
        "pont =de|=du|=of",
        "afflux|sollicité*|backlog|rush|busy|busiest|peak|affluence|surchargé*|débordé*",
        "beaucoup|énormément|nombreux|nombreuses|lot|lots|huge|many|flood demandes|clients|commandes|appels|requests|orders|calls|people|customers|emails",
        "nouveau|nouvelle|new système|logiciel|outil|plateforme|platform|system|software|tool|booking",
        "migr*",
        "mise jour|update logiciel|software|système|system|outil|platform",
        "logiciel|software|système|system|platform update|upgrade|mise|migration",
        "office|offices|bureaux|locaux|entrepôt|warehouse moved|déménag*|flooded|inondé*",
        "changé|changer|changement logiciel|système|outil|software|system",
        "déménag*|réorganisation|reorganisation|reorganization|restructur*",
        "moved office|offices|premises",
        "quitté|left entreprise|société|company|business|team",
        "manque|pénurie|faute personnel|effectif*|bras|staff|agents|monde",
        "manquons|manque =de personnel|bras|monde",
        "people|staff|team off|away|out",
        "petite|small équipe|team",
        "équipe réduite",
        $"{Suppliers} {Trouble}",
        $"{Suppliers} pas|not livré*|expédi*|envoy*|confirm*|delivered|shipped|sent|confirmed",
        $"{Trouble} par|by|from|at {Suppliers}",
        "hors|beyond|outside|out =de|of notre|our contrôle|control",
        // "d'où ce retard", "c'est pourquoi", "which is why", "hence the delay"
        "=de =ou ce|le|la|les|cet|cette|un|une|notre retard|délai|délais|attente",
        "est|voilà pourquoi",
        "est|voilà pour =cela|=ça",
        "raison pour laquelle",
        "explique|expliqu* par|cela",
        "vient|provient|viennent =de|=du|=des",
        "which|that's|thats why",
        "hence the|this|our",
        "down to|=due|owing to",
        "caused|held by|up",
        "face =à|=a l'|le|la|les|un|une afflux|volume|nombre|demande|grève",
        // "Un collègue est malade", "plusieurs collègues malades", "a colleague is off sick"
        "collègue|collègues|collaborateur*|collaboratrice*|conseiller|conseillère|conseillers|technicien|technicienne|équipe|colleague|colleagues|staff|team|agent|agents|engineer|engineers|techs malade|malades|absent|absente|absents|absentes|arrêt|sick|ill|illness|off|absent|away|unwell|blessé*|injured|parti|partie|left",
        // "Un virus a paralysé nos ordinateurs", "nos systèmes sont en panne", "our systems were down"
        "virus|cyberattaque|attaque|piratage|cyberattack|hack|malware|ransomware|coupure paralys*|bloqu*|infect*|touch*|hit|affected|crippled|took|down",
        "ordinateur*|système|systèmes|informatique|serveur*|logiciel*|outil|outils|réseau|imprimante|computer*|system|systems|server*|software|tools|network|printer panne|pannes|planté*|plante|hors|bloqué*|indisponible*|down|crash*|failure|outage|offline|broke",
        "panne|problème|problèmes|souci|soucis|incident|bug|défaillance informatique|technique|techniques|système|réseau",
        "raisons techniques",
        "technical|IT|system|computer problem|problems|issue|issues|failure|glitch|fault|outage|reasons",
        // "indépendant de notre volonté", "beyond our control"
        "indépendant*|indépendante* notre volonté",
        "beyond|outside control",
        "hors contrôle",
        // "nous sommes débordés", "we are overwhelmed", "short-staffed"
        "débordé*|submergé*|surchargé*|overwhelmed|swamped|inundated|understaffed|snowed",
        "sous-effectif|sous effectif",
        "short staffed|handed",
        "staff|staffing shortage|shortages",
        "shortage staff",
        // "un fort volume de demandes", "an unusually high volume of requests"
        "fort|forte|important|importante|grand|nombre|afflux|volume|pic|high|heavy|unusual|unusually|large|exceptional|increased|record volume|afflux|demandes|nombre|demand|requests|number|calls|appels",
        "période|periode|period chargée|busy|rush|pointe|fêtes",
        "busy period|time|season",
        "crazy|very|so|really busy",
        "contexte|situation|circonstances exceptionnel*|difficile|particulier*|imprévu*",
        "unforeseen|exceptional|difficult|unexpected circumstances|situation",
        "équipe|équipes|team|staff pas|not disponible*|available",
        "grève|strike du|des|of|by transporteur*|personnel|contrôleurs|controllers|staff|pilotes|pilots|workers|postiers|cheminots|union",
    ];

    public static readonly Vocabulary Words = Vocabulary.Of(Phrases);

    /// <summary>
    /// The first excuse in a notice, with the team's own phrases. A sentence about the customer
    /// ("vous étiez malade", "you'll be on holiday"), a hypothesis ("si votre ordinateur tombe en
    /// panne") or a reassurance ("la grève n'aura aucun impact") gives no excuse.
    /// </summary>
    public static PhraseMatch? FirstIn(RuleText text, Vocabulary team) =>
        Words.With(team).AllIn(text).FirstOrDefault(m => !AboutSomethingElse(text, m));

    public static PhraseMatch? FirstIn(string text) => FirstIn(RuleText.Of(text), Vocabulary.Empty);

    private static readonly HashSet<string> Hypothesis = new(["si", "if", "when", "quand", "lorsque", "should", "whenever"], StringComparer.Ordinal);
    private static readonly HashSet<string> Negation = new(["pas", "not", "aucun", "aucune", "no", "never", "jamais", "sans", "without"], StringComparer.Ordinal);
    private static readonly string[] Effect = ["impact", "affect", "incidence", "effet", "effect", "consequence", "perturb", "chang", "concern", "lie", "linked", "related"];
    private static readonly HashSet<string> Over = new(["terminee", "termine", "terminees", "termines", "finie", "fini", "ended", "levee", "leve", "resolu", "resolue", "resolved"], StringComparer.Ordinal);
    private static readonly HashSet<string> But = new(["mais", "but", "however", "cependant", "pourtant"], StringComparer.Ordinal);

    private static bool AboutSomethingElse(RuleText text, PhraseMatch match)
    {
        var (start, end) = text.SentenceAround(match.Start, match.End, SentenceEnds);
        var sentence = text.Part(start, end).Tokens;
        if (sentence.Count == 0)
        {
            return false;
        }
        if (Hypothesis.Contains(sentence[0].Folded))
        {
            return true;
        }
        // "Vous étiez malade…", "You told us you'd be away…": the customer is the subject, not the service.
        if (sentence.Take(3).Any(t => t.Folded is "vous" or "you") && sentence[0].End <= match.Start)
        {
            return true;
        }
        // "La grève est terminée": what is over delays nothing, unless the sentence goes on "mais…".
        if (sentence.Any(t => Over.Contains(t.Folded)) && !sentence.Any(t => But.Contains(t.Folded)))
        {
            return true;
        }
        return sentence.Any(t => Negation.Contains(t.Folded)) && sentence.Any(t => Effect.Any(e => t.Folded.StartsWith(e, StringComparison.Ordinal)));
    }

    private static readonly char[] SentenceEnds = ['.', '!', '?', ';', ':', '\n'];
}
