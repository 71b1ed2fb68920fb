using Guichet.Core;
using Guichet.Core.Agents;
using Guichet.Core.Cases;
using Guichet.Core.Customers;
using Guichet.Core.Data;
using Guichet.Core.Promises;
using Guichet.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Demo;

/// <summary>
/// Demo data that tells a story, loaded only into a database without it. The cases are played
/// through the real operations on a clock set back in time, so every date, promise and
/// acknowledgment is what Guichet itself would have produced.
/// </summary>
public static class DemoData
{
    public static async Task<IReadOnlyList<DemoLogin>> LoadAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GuichetDb>();
        if (!await db.Teams.AnyAsync(t => t.Slug == "bagages", ct))
        {
            var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<Agent>>();
            await DemoTeams.AddAsync(db, hasher, ct);
            var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().Now();
            await new DemoStory(db, now, scope.ServiceProvider.GetRequiredService<IServiceScopeFactory>(), scope.ServiceProvider.GetService<Hosting.ServeOptions>()?.PublicBaseUrl ?? "http://127.0.0.1:5080").PlayAsync(ct);
            await DemoKnowledge.AddAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>(), ct);
            // M5: a synthetic customer writes through the portal every day; its first run starts with the server.
            (await scope.ServiceProvider.GetRequiredService<Core.Journeys.SaveJourney>().CreateAsync(
                new Core.Journeys.JourneyRequest("Formulaire du portail, chaque jour", "portal", null, "fr", null, null, null, null, null), ct)).OrThrow("Demo step");
        }
        return DemoTeams.Agents.Select(a => new DemoLogin(a.Email, DemoTeams.Password, a.Role.ToString(), a.Team)).ToList();
    }
}

/// <summary>The cases, in the order things happened.</summary>
internal sealed class DemoStory(GuichetDb db, DateTimeOffset now, IServiceScopeFactory scopes, string publicBaseUrl)
{
    // Past steps happen at office hours counted from the last weekday 10:00 in Paris, so the
    // story reads like a working week whatever time the demo is started.
    private readonly DateTimeOffset _morning = LastWeekdayMorning(now);
    private readonly AdjustableClock _clock = new(LastWeekdayMorning(now).AddDays(-10));

    public async Task PlayAsync(CancellationToken ct)
    {
        var agents = await db.Agents.Where(a => a.Email.EndsWith("@demo.guichet")).ToDictionaryAsync(a => a.Email[..a.Email.IndexOf('@', StringComparison.Ordinal)], ct);
        var claire = agents["claire"];
        var lukas = agents["lukas"];
        var emma = agents["emma"];

        // 1. The Lufthansa story of seeds/000, as it goes when a company keeps its word.
        At(_morning.AddDays(-8).AddHours(-1));
        var rio = await Open(new CustomerContact("Julien Rio", "julien.rio@example.fr", Language: "fr", TimeZone: "Europe/Paris", Salutation: "Monsieur"),
            "email", "Vol LH1034 : correspondance manquée, bagages perdus", """
            Bonjour,

            Mon vol Paris–Munich du 14 a été modifié à cause de la grève. Nous n'avons pas pu être assis ensemble,
            le vol est parti avec 2 h de retard, nous avons manqué la correspondance et nos bagages sont perdus.
            On nous a envoyés d'un comptoir à l'autre pendant trois heures, puis vers une gare, en payant nous-mêmes
            le métro et le train. Je joins les reçus. Que pouvez-vous faire ?

            Julien Rio
            """, ct);
        At(_morning.AddDays(-7));
        await Reply(rio, claire, """
            Bonjour Monsieur Rio,

            Je suis désolée pour ce voyage. Je m'occupe de votre dossier et je transmets la recherche de vos bagages
            à notre équipe Bagages, qui voit tout votre historique : vous n'aurez rien à répéter.
            Pour le métro et le train, je vous donne une décision de remboursement d'ici une semaine.

            Claire Martin, Service client
            """, ct);
        var refund = await Promise(rio, claire, "Décision sur le remboursement du métro et du train", dueAt: now.AddHours(-6), ct: ct);
        await Note(rio, claire, "Reçus reçus : métro 2,10 €, train 48,50 €. Étiquette bagage FRA 123456.", ct);
        await Transfer(rio, claire, "bagages", "Bagages perdus : étiquette FRA 123456, vol LH1034 du 14. Le client a déjà tout expliqué par email, ne rien lui redemander. Remboursement transport suivi par Claire.", ct);

        At(_morning.AddDays(-6).AddHours(4));
        await CustomerWrites(rio, claire, "email", "Merci pour votre réponse rapide. Avez-vous des nouvelles de ma valise ? Elle contient mes médicaments.", ct);
        At(_morning.AddDays(-6).AddHours(5));
        await Assign(rio, lukas, lukas, ct);
        await Reply(rio, lukas, """
            Bonjour Monsieur Rio,

            Votre valise a été retrouvée à Francfort. Je m'occupe de sa livraison à votre domicile et je vous
            confirme le créneau de livraison d'ici une semaine.

            Lukas Weber, équipe Bagages
            """, ct);
        await Promise(rio, lukas, "Confirmer le créneau de livraison de la valise", dueAt: now.AddHours(20), ct: ct);
        // 3. The pool technician of seeds/002 remembered the equipment: solved on the first answer.
        At(_morning.AddDays(-3).AddHours(-1.5));
        var lefevre = await Open(new CustomerContact("Paul Lefèvre", "paul.lefevre@example.fr", Language: "fr", TimeZone: "Europe/Paris"),
            "email", "Commande 48213 incomplète : il manque le tuyau du skimmer", "Bonjour, le carton est arrivé mais sans le tuyau du skimmer. Pouvez-vous l'envoyer ?", ct);
        At(_morning.AddDays(-3).AddHours(1));
        await Reply(lefevre, claire, "Bonjour Paul Lefèvre,\n\nLe tuyau part aujourd'hui en Colissimo, suivi 6A123456789. C'est bien le raccord de droite du skimmer ; je vous ai joint le schéma.\n\nClaire Martin", ct);
        await Status(lefevre, claire, StatusChange.Resolve, ct);
        // A day later the survey leaves (M1), and he answers it.
        At(_morning.AddDays(-2).AddHours(2));
        await Surveys(ct);
        await AnswerSurvey(lefevre, 5, 1, "Rapide, et je n'ai rien eu à réexpliquer. Merci !", ct);

        // 2. A tornado in seeds/001: no return fee for a destroyed modem; the waiver is to confirm (P8).
        At(_morning.AddDays(-2).AddHours(5));
        var carter = await Open(new CustomerContact("Emily Carter", "emily.carter@example.com", Language: "en", TimeZone: "America/Montreal", Salutation: "Ms"),
            "portal", "Modem destroyed by the storm: return fee?", """
            Hello, our house was hit by the storm on Saturday and the modem is gone with the rest of the basement.
            Your letter says I must return it or pay a fee. Is that really what you expect?
            """, ct, team: "amerique-du-nord");
        At(_morning.AddDays(-2).AddHours(7));
        await Reply(carter, emma, """
            Dear Ms Carter,

            I am so sorry about your home. You will not be asked to return the modem. I am confirming with billing
            that the fee is removed from your account and will write to you by Wednesday.

            Emma Tremblay
            """, ct);
        await Promise(carter, emma, "Confirm the modem return fee is waived", dueAt: now.AddDays(2), toConfirm: true, ct: ct);
        await Status(carter, emma, StatusChange.WaitForCustomer, ct);

        At(_morning.AddDays(-1).AddHours(6));
        // The refund decision needs the finance team: the customer hears the new date before the old one lapses (P3).
        await Renegotiate(refund, claire, now.AddHours(5), ct);

        // 4. A night-desk chat, and 5. a fresh portal request nobody has touched yet: the ack states the date (P1, P7).
        At(now.AddHours(-2));
        await Open(new CustomerContact("Sarah Cohen", "sarah.cohen@example.com", Language: "en", TimeZone: "Europe/London"),
            "chat", "Locked out after the password reset", "I reset my password and now the app says my account is locked. I need to check in for my flight tomorrow.", ct, team: "nuit");
        At(now.AddMinutes(-20));
        await Open(new CustomerContact("Nadia Benali", "nadia.benali@example.fr", Language: "fr", TimeZone: "Europe/Paris", Salutation: "Madame"),
            "portal", "Remboursement plutôt qu'un bon d'achat", "Ma commande 77120 est arrivée cassée. On me propose un bon d'achat, je préfère être remboursée.", ct);
    }

    private static DateTimeOffset LastWeekdayMorning(DateTimeOffset now)
    {
        var paris = NodaTime.DateTimeZoneProviders.Tzdb["Europe/Paris"];
        var date = NodaTime.Instant.FromDateTimeOffset(now.AddHours(-1)).InZone(paris).Date;
        while (true)
        {
            var morning = paris.AtLeniently(date.At(new NodaTime.LocalTime(10, 0))).ToDateTimeOffset().ToUniversalTime();
            if (morning <= now.AddHours(-1) && date.DayOfWeek < NodaTime.IsoDayOfWeek.Saturday)
            {
                return morning;
            }
            date = date.PlusDays(-1);
        }
    }

    private void At(DateTimeOffset when) => _clock.Advance(when - _clock.GetUtcNow());

    private async Task<Case> Open(CustomerContact who, string channel, string subject, string body, CancellationToken ct, string? team = null) =>
        (await new OpenCase(db, _clock).RunAsync(new OpenCaseRequest(who, channel, subject, body, team), ct)).OrThrow("Demo step");

    private async Task Reply(Case c, Agent by, string body, CancellationToken ct) =>
        (await new PostMessage(db, _clock, new Core.Chat.NoChatRelay()).RunAsync(c.Id, new PostMessageRequest("out", null, body), by, ct)).OrThrow("Demo step");

    private async Task CustomerWrites(Case c, Agent loggedBy, string channel, string body, CancellationToken ct) =>
        (await new PostMessage(db, _clock, new Core.Chat.NoChatRelay()).RunAsync(c.Id, new PostMessageRequest("in", channel, body), loggedBy, ct)).OrThrow("Demo step");

    private async Task<Promise> Promise(Case c, Agent by, string what, CancellationToken ct, double? dueInBusinessHours = null, DateTimeOffset? dueAt = null, bool toConfirm = false) =>
        (await new MakePromise(db, _clock).RunAsync(c.Id, new MakePromiseRequest(what, dueAt, dueInBusinessHours, by.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), toConfirm), by, ct)).OrThrow("Demo step");

    private async Task Note(Case c, Agent by, string text, CancellationToken ct) =>
        (await new AddNote(db, _clock).RunAsync(c.Id, text, by, ct)).OrThrow("Demo step");

    private async Task Transfer(Case c, Agent by, string team, string note, CancellationToken ct) =>
        (await new TransferCase(db, _clock).RunAsync(c.Id, team, null, note, by, ct)).OrThrow("Demo step");

    private async Task Assign(Case c, Agent owner, Agent by, CancellationToken ct) =>
        (await new AssignCase(db, _clock).RunAsync(c.Id, owner.Id, by, ct)).OrThrow("Demo step");

    private async Task Renegotiate(Promise p, Agent by, DateTimeOffset newDue, CancellationToken ct) =>
        (await new RenegotiatePromise(db, _clock).RunAsync(p.Id, newDue, by, ct)).OrThrow("Demo step");

    // The survey rounds clear their unit of work as they go: they get one of their own, not the story's.
    private async Task Surveys(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var own = scope.ServiceProvider.GetRequiredService<GuichetDb>();
        await new Core.Surveys.SurveyRounds(own, _clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<Core.Surveys.SurveyRounds>.Instance).RunDueAsync(publicBaseUrl, ct);
    }

    private async Task AnswerSurvey(Case c, int csat, int effort, string comment, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var own = scope.ServiceProvider.GetRequiredService<GuichetDb>();
        var token = await own.Surveys.Where(s => s.CaseId == c.Id).Select(s => s.Token).SingleAsync(ct);
        (await new Core.Surveys.AnswerSurvey(own, _clock).ByLinkAsync(token, csat, effort, comment, ct)).OrThrow("Demo step");
    }

    private async Task Status(Case c, Agent by, StatusChange change, CancellationToken ct) =>
        (await new ChangeCaseStatus(db, _clock).RunAsync(c.Id, change, by, ct)).OrThrow("Demo step");

}
