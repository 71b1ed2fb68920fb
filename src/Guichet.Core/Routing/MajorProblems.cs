namespace Guichet.Core.Routing;

/// <summary>
/// A team's major problems (SPEC E2), in a readable form edited with the team: one per line,
/// <c>code | phrase, phrase…</c>. Each goes to the service manager at once, as E2 says (an older
/// <c>code | lead or manager | phrases</c> line is still read; its level no longer matters). The
/// phrases are read as people write (<see cref="Language.Vocabulary"/>): "colis perdu" finds "mon
/// colis est perdu" and "le colis semble perdu", and not "votre colis n'est pas perdu".
/// </summary>
public sealed partial record MajorProblems(IReadOnlyList<MajorProblems.Rule> Rules)
{
    public sealed record Rule(string Code, Language.Vocabulary Phrases)
    {
        /// <summary>E2: every major problem is the service manager's at once.</summary>
        public EscalationLevel Level => EscalationLevel.Manager;

        /// <summary>
        /// The first place the customer reports the problem: not one they say is over ("j'avais peur
        /// que mon colis soit perdu mais il est arrivé") nor a general question ("les bagages perdus
        /// sont-ils couverts ?").
        /// </summary>
        public Language.PhraseMatch? FirstIn(Language.RuleText text) => Phrases.AllIn(text).FirstOrDefault(m => !Resolved(text, m) && !GeneralQuestion(text, m) && !NotTheThing(text, m));
    }

    private static readonly Language.Vocabulary Over = Language.Vocabulary.Of(
    [
        "mais|but il|elle|ils|elles|it|they|je|j'|i|on|we =est|=a|=ont|=sont|=était|=was|=has|=have|=were|=l'|=les|=la|=le arriv*|livr*|reçu*|retrouv*|récupér*|delivered|found|received|turned|came|back|arrived|showed",
        "mais|but finalement|eventually|finally|later",
        "bien arriv*|reçu*",
        "turned up|out",
    ]);

    private static readonly HashSet<string> Mine = new(["mon", "ma", "mes", "notre", "nos", "my", "our", "je", "j", "i", "me", "moi", "nous", "we"], StringComparer.Ordinal);

    private static readonly char[] SentenceEnds = ['.', '!', '?', '\n'];

    private static bool Resolved(Language.RuleText text, Language.PhraseMatch match) =>
        Over.FirstIn(text.Part(match.End, text.SentenceAround(match.Start, match.End, SentenceEnds).End)) is not null;

    private static bool GeneralQuestion(Language.RuleText text, Language.PhraseMatch match)
    {
        var (start, end) = text.SentenceAround(match.Start, match.End, SentenceEnds);
        return end < text.Raw.Length && text.Raw[end] == '?' && !text.Part(start, end).Tokens.Any(t => Mine.Contains(t.Folded));
    }

    private static readonly HashSet<string> Identifiers = new(["numero", "number", "reference", "ref", "code", "confirmation", "mot", "password", "ticket", "recu", "receipt"], StringComparer.Ordinal);
    private static readonly HashSet<string> Profession = new(["suis", "am", "i'm", "im", "etant", "being"], StringComparer.Ordinal);

    /// <summary>"J'ai égaré mon numéro de commande", "I'm a lawyer and…": the words, not the problem.</summary>
    private static bool NotTheThing(Language.RuleText text, Language.PhraseMatch match)
    {
        var tokens = text.Tokens;
        var after = tokens.FirstOrDefault(t => t.Start >= match.End);
        if (after.Folded is { } next && Identifiers.Contains(next))
        {
            return true;
        }
        var before = tokens.Where(t => t.End <= match.Start).TakeLast(2).Select(t => t.Folded);
        return before.Any(Profession.Contains);
    }

    private const string Parcel = "colis|paquet|paquets|carton|cartons|parcel|parcels|package|packages|box|boxes|shipment|envoi|livraison|commande|order|delivery";
    private const string Sent = "colis|paquet|paquets|carton|cartons|parcel|parcels|package|packages|box|boxes|shipment|envoi";
    private const string Lost = "perdu|perdue|perdus|perdues|égaré*|egare*|introuvable*|disparu*|volé|volée|lost|missing|vanished|disappeared|stolen|mislaid|misplaced";
    private const string Bag = "bagage|bagages|valise|valises|sac|sacs|poussette|fauteuil|luggage|baggage|suitcase|suitcases|bag|bags|wheelchair|pushchair|stroller|pram";

    public const string Default = $"""
        lost-parcel | {Parcel} {Lost}, perdre|perdu|égaré|lost|misplaced =mon|=ma|=mes|=notre|=nos|=le|=la|=les|my|our|the|your {Parcel}, lost|missing {Sent}, {Parcel} =jamais|never arriv*|reçu*|livré*|parvenu*|delivered|received|came|turned|showed, {Parcel} =went|=gone|=go missing, =jamais reçu*|livré* {Parcel}, never received|got {Parcel}, =jamais|never rien|anything|nothing reçu*|received|got|arrived, livré|delivered mais|but =rien|=nothing|=jamais|=never|=pas|=not|=no, {Parcel} not|pas arriv*|reçu*|livré*|delivered|received|arrived depuis|since|after|weeks|semaines|mois|month|months
        lost-baggage | {Bag} {Lost}, perdre|perdu|égaré|lost|misplaced =mon|=ma|=mes|=notre|=nos|=le|=la|=les|my|our|the|your {Bag}, {Bag} =jamais|never arriv*|came|showed|turned|reçu*|made, no sign =of {Bag}, {Bag} not|pas arriv*|came|come|showed|turned|suivi|followed|made, lost|missing|perdu|perdue|perdus|perdues|égaré* {Bag}, =jamais|never arriv*|came|showed tapis|carrousel|carousel|destination|soute, {Bag} =went|=gone missing, bagagerie|carrousel|carousel|tapis {Bag} not|pas|=jamais|never
        safety | danger|dangereux|dangereuse|dangerous|unsafe|hazard|hazardous, incendie|flammes|flames, pris|prend|prendre|caught|catch|catches feu|fire, en|on feu|fire, fumée|smoke|smoking|fume|fumes, fuite|odeur|sent|smell|leak|leaking gaz|gas, gaz|gas fuite|leak|smell|odeur, électrocut*|electrocut*, décharge|shock électrique|electric|electrical, electric|electrical shock, blessé|blessée|blessés|blessure|blessures|injured|injury|injuries|hurt, brûlé|brûlée|brûlure|brûlures|=burn|=burns|=burned|=burnt, explos*|explod*, court circuit, étincelles|sparks|sparking, coupé|coupée|coupés|cut sang|blood|himself|herself|myself|doigt|finger|main|hand, fracturé*|fracture*|broken|cassé poignet|bras|jambe|wrist|arm|leg, poignet|bras|jambe|cheville|wrist|arm|leg|ankle fracturé*|cassé*|broken|fractured, sang|blood partout|everywhere, saign*|bleeding|bled, avalé|avalée|swallowed|choked|étouffé*, fils|wires dénudés|exposed|bare|live, surchauff*|overheat*
        legal | avocat|avocate|avocats|lawyer|lawyers|attorney|solicitor|solicitors, tribunal|tribunaux|juge|justice|court|courts, mise demeure, =plainte|=plaintes, poursuite|poursuites|poursuivre|procès, procédure judiciaire, lawsuit|litigation, legal action|proceedings|claim|advice, =sue|=suing =you|=them|=your|=the|=this|company, going|will|gonna|=i'll =sue, small claims, letter before action, formal notice|complaint, CNIL|ICO|UFC|RGPD|GDPR, association consommateurs, protection juridique, huissier|bailiff, ombudsman|médiateur|conciliateur|DGCCRF|SignalConso|Arcep|Ofcom|regulator|régulateur, trading standards, police|gendarmerie report|rapport|plainte|commissariat
        """;

    public static Result<MajorProblems> Parse(string? text)
    {
        var rules = new List<Rule>();
        var lines = (text ?? "").Split(['\n', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var line in lines)
        {
            var parts = line.Split('|', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || !parts[0].All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                return Failure.Invalid("majorProblems", $"« {line} » is not « code | phrase, phrase… » (code in lowercase letters, digits and dashes).");
            }
            var phrases = parts[1];
            // The older three-column line, "code | lead or manager | phrases": a column is a bar with spaces, an alternative has none.
            if (Column().Match(phrases) is { Success: true } column)
            {
                if (column.Groups["level"].Value.ToLowerInvariant() is not ("lead" or "manager"))
                {
                    return Failure.Invalid("majorProblems", $"« {column.Groups["level"].Value} » is not a level: write « code | phrase, phrase… » (every major problem goes to the service manager).");
                }
                phrases = column.Groups["phrases"].Value;
            }
            var vocabulary = Language.Vocabulary.Parse(phrases);
            if (vocabulary.Count == 0)
            {
                return Failure.Invalid("majorProblems", $"The problem « {parts[0]} » has no phrases.");
            }
            rules.Add(new(parts[0], vocabulary));
        }
        return new MajorProblems(rules);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<level>\S+)\s+\|\s*(?<phrases>.*)$", System.Text.RegularExpressions.RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial System.Text.RegularExpressions.Regex Column();
}
