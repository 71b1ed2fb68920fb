using System.Text.RegularExpressions;
using Guichet.Core.Language;

namespace Guichet.Core.Cases;

/// <summary>
/// What a message says about its own link to what came before, in French and English: a reminder
/// ("toujours pas de nouvelles", "third email"), a question about "my request", a new instance
/// of a problem ("encore un colis perdu", "another card"), or plainly another matter ("ce
/// message ne concerne pas mon dossier"). Read on the folded text (lower case, no accents).
/// </summary>
public sealed partial class MatterCues
{
    /// <summary>The customer chases: they wrote or called before, nobody answered.</summary>
    public bool Reminder { get; private init; }
    /// <summary>The problem goes on ("toujours", "still", "continue de").</summary>
    public bool GoesOn { get; private init; }
    public bool AboutMyRequest { get; private init; }
    public bool NewInstance { get; private init; }
    public bool SaysOtherMatter { get; private init; }

    public static MatterCues Of(string text)
    {
        var folded = " " + StemmedText.Fold(text.ToLowerInvariant()).Replace('’', '\'').Replace('\n', ' ') + " ";
        return new MatterCues
        {
            Reminder = ReminderPhrase().IsMatch(folded),
            GoesOn = GoesOnPhrase().IsMatch(folded),
            AboutMyRequest = AboutMyRequestPhrase().IsMatch(folded),
            NewInstance = NewInstancePhrase().IsMatch(folded) || NewInstancePhraseMore().IsMatch(folded),
            SaysOtherMatter = OtherMatterPhrase().IsMatch(folded),
        };
    }

    [GeneratedRegex(@"\b(toujours|still|continue (de|a)|continues? to|keeps? (on )?\w+ing|(pas|rien|aucun|aucune) (encore|toujours))\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, matchTimeoutMilliseconds: 1000)]
    private static partial Regex GoesOnPhrase();

    [GeneratedRegex(@"toujours (sans (reponse|nouvelles|retour)|en attente|pas de (nouvelles|reponse|retour))|(je vous ai|j'ai|nous avons|on vous a) (deja )?(ecrit|envoye|appele|telephone|contacte|relance|signale)|(mon|ma|notre) (premier|premiere|precedent|precedente|dernier|derniere) (mail|message|courriel|email|demande|reclamation|appel)|(sans|aucune|pas de|pas une) (reponse|retour)|relance|je reviens vers vous|(suite a|faisant suite a) (mon|ma|notre|votre|nos|vos) (precedent |precedente |dernier |derniere |premier |premiere )?(mail|message|courriel|email|appel|demande|reclamation|echange|conversation|courrier|lettre|coup de fil|appels|mails|messages|courriers)|ou en est|des nouvelles|du nouveau|dans l'attente|(deuxieme|troisieme|quatrieme|cinquieme|enieme|2e|3e) (mail|message|email|courriel|relance|appel)|deja (ecrit|appele|signale|envoye)|ca avance|personne ne (m'a|me|nous|lit|repond)|personne n'(est|a) |zero (reponse|retour|reply|response)|(ca|cela) fait (un|une|deux|trois|quatre|\d+) (mois|semaines?|jours)|(one|a|two|three|four|\d+) (month|months|weeks?) (now|already|later|and)|does anyone read|nobody (has|answers|replies|reads|called|came)|no one (has|answers|replies|reads|called|came)|despite (my|our|two|three|several|repeated|numerous|many) |(you|they) (have not|haven't|did not|didn't|never) (responded|replied|answered|called|come|got back)|it's been (a|one|two|three|four|five|six|\d+|several) (days?|weeks?|months?)|where is (the|my) |malgre (mes|mon|ma|nos|notre) |(il y a|depuis) (une|deux|trois|quatre|\d+) (semaine|semaines|jours|mois)|still (waiting|no (reply|response|answer|news|word)|not heard|haven't heard|nothing from you)|(i|we) (already |have |had )?(wrote|written|emailed|called|phoned|contacted|reported|chased)|my (previous|last|earlier|first) (email|message|mail|request|complaint|call)|no (reply|response|answer|news|update|word)|(any|an) (news|update)|follow(ing)?[ -]?up|chasing|heard (nothing|back|anything)|(second|third|fourth|fifth|2nd|3rd) (email|message|time|reminder|call)|as i (said|mentioned|explained)|where are (we|things|you) (at|with)|(is there|any) progress|waiting (for|to hear)|weeks? (ago|later)", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ReminderPhrase();

    [GeneratedRegex(@" (mon|ma|notre) (dossier|demande|reclamation|requete|plainte|declaration|ticket)\b| (le|mon|ma) (dossier|demande) en cours|pris en compte|(voici|ci-joint|ci joint|je (vous )?joins|en piece jointe|vous trouverez|je vous envoie|je vous transmets) (le|la|les|mon|ma|mes|une|un)? ?(document|documents|photo|photos|piece|pieces|justificatif|justificatifs|facture|recu|copie|formulaire|scan|attestation|releve)|(document|documents|pieces|photos|justificatifs|informations?) (demande|demandes|manquant)|my (open |current |pending |ongoing |existing )?(case|request|file|claim|complaint|ticket|query|enquiry)\b|(please find|attached|attached is|attached are|here is|here are|here's|i attach|i'm attaching|i am sending|enclosed) (the |my |a )?(document|documents|photo|photos|receipt|copy|form|scan|file|proof|statement|certificate)|(document|documents|information|details|proof) you (asked|requested|needed)|received my (email|message|request)", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AboutMyRequestPhrase();

    [GeneratedRegex(@" (un|une|d'un|d'une) autre |(^|\n| )autres? (achat|paiement|debit|prelevement|fraude|fuite|incident|module|note|endroit|lieu|jour|date|site|appareil|article|produit|envoi|trajet|voyage|bus|train|chambre|hotel|logement|maison|appartement|bien|vehicule|voiture|location|contrat|commande|carte|compte|ligne|adresse|question|souci|probleme|demande|colis|vol|billet|reservation|sejour|facture|sinistre|degat|accident|panne|erreur|retard|annulation|remboursement|livraison|retrait|virement|cheque|abonnement|appel|facturation)\b| non plus\b|en plus (du|de la|de l'|des|de mon|de ma|de mes) |(c'est )?la (deuxieme|troisieme|quatrieme|2e|3e|4e|enieme) fois (ce|cette|que|depuis|en|du)|(ce matin|ce soir|hier|aujourd'hui|cette semaine|cette nuit|hier soir) (encore|aussi|de nouveau)|(encore|de nouveau|a nouveau) (ce matin|ce soir|hier|aujourd'hui|cette semaine|cette nuit)|meme (erreur|probleme|souci|chose) (que|qu'|pour|a|au|avec|sur|chez|dans)|\b(is|was|are|were|has|have) also\b|\balso (not|missing|wrong|broken|been|charged|double|late|cancelled|showing)|\b(again|too) (this|last|on|yesterday|today) (morning|night|week|time|evening|month|monday|tuesday|wednesday|thursday|friday|saturday|sunday)?|(this|yesterday|last) (morning|evening|night|week) (again|too)|same (mistake|error|thing|problem|issue) (as|on|for|with|at)|on top of (the|my)|in addition to (the|my)", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NewInstancePhrase();

    // One automaton would pass the non-backtracking engine's size limit: the phrases are split in two.
    [GeneratedRegex(@"(encore|again).{0,30}(quelque chose|something)|(quelque chose|something).{0,12}(again|encore)|encore (un|une) |(nouvel|nouvelle|nouveau) (probleme|souci|demande|question|fraude|accrochage|sinistre|incident|panne|colis|commande|dossier|reclamation|paiement|prelevement|retard|bagage|vol|reservation|sejour|facture|litige|debit|achat|degat|accident)|cette fois|(deuxieme|seconde|2e|troisieme) (commande|colis|carte|reservation|facture|sejour|vol|bagage|voiture|vehicule|ligne|compteur|logement|appartement|maison|sinistre|accident)|(lui|elle|eux|elles) aussi|autre (contrat|adresse|commande|carte|compte|ligne|site|logement|vehicule|question|souci|probleme|demande|colis|vol|billet|reservation|sejour|facture)|another|a (new|second|different|separate) (problem|issue|order|parcel|package|request|question|claim|card|booking|stay|flight|bag|accident|fraud|charge|payment|line|address|contract|bill|invoice|delivery|fault|leak)|this time| as well[ .,!]|same (problem|issue|thing) (at|with|for|on|in|again)|meme (probleme|souci|chose) (a|au|avec|pour|sur|chez|dans|a nouveau)|(pour|for) (that|this|cette|ce) (stay|sejour|order|commande|flight|vol|one|fois) (too|aussi)|(second|third) (order|parcel|package|card|booking|stay|flight|bag|suitcase|car|line|meter|claim|invoice)", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NewInstancePhraseMore();

    [GeneratedRegex(@"ne concerne pas|pas (le|la|les) meme(s)? (endroit|adresse|commande|carte|colis|chose|probleme|dossier|compte|vol|jour|lieu|appareil|vehicule|logement)|pas (celui|celle|ceux|celles) (que|de|du)|not the same (one|place|address|order|card|parcel|thing|problem|case|account|flight|day|device|car|property)|a different (one|place|address|order|card|parcel|account|flight|day|device|car|property)|(n'a|sans|aucun) (aucun )?rapport|rien a voir|(pas|non) lie|sans lien|autre sujet|independamment de|not (about|related|regarding|connected|linked) (to )?(my|the|your)|unrelated|nothing to do with|(different|separate|another|new) (matter|subject|topic)", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, matchTimeoutMilliseconds: 1000)]
    private static partial Regex OtherMatterPhrase();
}
