using Guichet.Core;
using Guichet.Core.Data;
using Guichet.Core.Knowledge;
using Guichet.Core.Replies;

namespace Guichet.Features.Demo;

/// <summary>A few articles and one team macro, so the knowledge base, the help pages and templates have something to show.</summary>
internal static class DemoKnowledge
{
    private static readonly ArticleRequest[] Articles =
    [
        new("Bagages perdus : déclarer et être remboursé", """
            1. Déclarez le bagage au comptoir **bagages** de l'aéroport d'arrivée et gardez le numéro de dossier.
            2. Gardez les reçus de vos achats de première nécessité : ils sont remboursés.
            3. Sans nouvelles au bout de **21 jours**, le bagage est considéré comme perdu et l'indemnisation est due.

            Nous vous donnons une date à chaque étape ; vous n'avez pas à nous relancer.
            """, "fr", "published", true, ["bagages", "remboursement"]),
        new("Lost baggage: reporting it and being refunded", """
            1. Report the bag at the **baggage** desk of the arrival airport and keep the file number.
            2. Keep the receipts for essentials you buy: they are refunded.
            3. After **21 days** without news, the bag is considered lost and compensation is due.

            We give you a date at every step; you never have to chase us.
            """, "en", "published", true, ["baggage", "refund"]),
        new("Colis livré en point relais introuvable", """
            Si le point relais ne trouve pas le colis, ne renvoyez pas le client vers le transporteur :
            ouvrez l'enquête transporteur depuis le dossier, promettez une réponse datée, et proposez le
            **remboursement** (pas un bon d'achat, sauf si le client le demande).
            """, "fr", "published", false, ["colis", "relais", "remboursement"]),
        new("Horaires du service client", "Le service client répond du lundi au vendredi, de 9 h à 17 h (heure de Paris). La permanence de nuit répond au chat.", "fr", "published", true, ["horaires"]),
    ];

    public static async Task AddAsync(GuichetDb db, TimeProvider clock, CancellationToken ct)
    {
        var save = new SaveArticle(db, clock);
        foreach (var article in Articles)
        {
            (await save.RunAsync(null, article, "Demo", ct)).OrThrow("Demo article");
        }
        (await new SaveTemplate(db, clock).RunAsync("point-relais", new TemplateChange("service-client", "fr", "Colis en point relais", """
            {{ greeting }},

            Votre colis de la commande {{ commande }} a bien été livré au point relais {{ relais }}, {{ adresse_relais }}.
            Il vous y attend jusqu'au {{ retrait_avant }}.

            {{ agent.name }}, équipe {{ team.name }}
            """), "Demo", ct)).OrThrow("Demo template");
    }
}
