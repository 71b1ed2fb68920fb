using Guichet.Core.Cases;
using Guichet.Core.Routing;

namespace Guichet.Core.Tests.Routing;

public class EscalationSignalsTests
{
    private static readonly MajorProblems Problems = MajorProblems.Parse(MajorProblems.Default).Value;

    private static IReadOnlyList<Signal> Read(string message, params (MessageDirection Direction, string Body)[] history) =>
        EscalationSignals.Read(message, history.Select(h => new PastMessage(h.Direction, h.Body, false)).ToList(), Problems);

    [Theory]
    [InlineData("I received an email asking for my card number, it looks like phishing from your company.", "phishing")]
    [InlineData("Someone opened an account in my name: this is identity theft.", "identity theft")]
    [InlineData("J'ai reçu un SMS d'hameçonnage qui imite votre banque, que dois-je faire ?", "hameçonnage")]
    [InlineData("Je suis victime d'une usurpation d'identité, un contrat a été signé à mon nom.", "usurpation")]
    public void A_fraud_report_goes_to_the_lead_with_the_word_that_showed_it(string message, string word)
    {
        var signal = Assert.Single(Read(message), s => s.Code == "E2.fraud");
        Assert.Equal(EscalationLevel.Lead, signal.Level);
        Assert.Contains(word, signal.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Ma valise perdue contient mes médicaments.", "E2.lost-baggage", EscalationLevel.Manager)]
    [InlineData("My parcel is lost: the tracking says lost parcel since Monday.", "E2.lost-parcel", EscalationLevel.Manager)]
    [InlineData("Il y a une fuite de gaz depuis l'intervention de votre technicien.", "E2.safety", EscalationLevel.Manager)]
    [InlineData("Mon avocat vous adressera une mise en demeure.", "E2.legal", EscalationLevel.Manager)]
    public void A_major_problem_goes_to_the_service_manager_at_once(string message, string code, EscalationLevel level)
    {
        var signal = Assert.Single(Read(message), s => s.Code == code);
        Assert.Equal(level, signal.Level);
    }

    [Fact]
    public void A_third_message_with_no_answer_in_between_is_a_stalled_conversation()
    {
        Assert.Contains(Read("Toujours rien ?", (MessageDirection.In, "Où est ma commande ?"), (MessageDirection.In, "Pouvez-vous me répondre ?")), s => s.Code == "E1.stalled");
        Assert.DoesNotContain(Read("Toujours rien ?", (MessageDirection.In, "Où est ma commande ?"), (MessageDirection.Out, "Elle part demain."), (MessageDirection.In, "Merci !")), s => s.Code == "E1.stalled");
    }

    [Fact]
    public void Repeating_the_story_without_an_answer_is_a_stalled_conversation_and_a_re_explanation()
    {
        const string story = "Mon colis commandé le 12 décembre devait être livré au relais Tabac Carnot, le relais affirme ne jamais l'avoir reçu.";
        var again = "Je répète : mon colis commandé le 12 décembre devait être livré au relais Tabac Carnot, et le relais affirme ne l'avoir jamais reçu !";
        Assert.NotNull(Repetition.Best(again, [story]));
        Assert.Contains(Read(again, (MessageDirection.In, story)), s => s.Code == "E1.repeated");
        Assert.Null(Repetition.Best("Toujours rien pour mon colis.", [story]));
        Assert.Null(Repetition.Best("J'ai reçu un remboursement partiel hier, il manque les frais de port et la réduction promise.", [story]));
    }

    [Fact]
    public void Anger_rising_is_seen_and_a_calm_message_raises_nothing()
    {
        var signal = Assert.Single(Read("C'est INADMISSIBLE et scandaleux !!! Je vais résilier.", (MessageDirection.In, "Bonjour, où en est ma demande ?")), s => s.Code == "E1.tone");
        Assert.Contains("inadmissible", signal.Reason, StringComparison.Ordinal);
        Assert.Empty(Read("Bonjour, pouvez-vous me dire où en est ma commande 4411 ? Merci."));
        Assert.Empty(Read("Hello, could you tell me when my order will ship? Thanks."));
    }

    [Fact]
    public void Major_problems_that_do_not_read_are_refused_with_the_line()
    {
        var bad = MajorProblems.Parse("recall | boss | rappel produit");
        Assert.False(bad.Succeeded);
        Assert.Contains("boss", bad.Failure!.Errors["majorProblems"][0], StringComparison.Ordinal);
        Assert.False(MajorProblems.Parse("Recall! | lead | x").Succeeded);
        var custom = MajorProblems.Parse("recall | manager | rappel produit, product recall").Value;
        var signal = Assert.Single(EscalationSignals.Read("Votre rappel produit concerne-t-il mon radiateur ?", [], custom));
        Assert.Equal(("E2.recall", EscalationLevel.Manager), (signal.Code, signal.Level));
    }
}

public class ReadCustomerMessageTests
{
    [Fact]
    public void An_email_reply_quoting_the_first_message_is_not_a_re_explanation_but_the_story_told_again_is()
    {
        const string story = "Mon colis commandé le 12 décembre devait être livré au relais Tabac Carnot, le relais affirme ne jamais l'avoir reçu.";
        var team = new Core.Teams.Team { Slug = "desk", Name = "Desk", TimeZone = "Europe/Paris", Hours = "mon-fri 09:00-17:00" };
        var customer = new Core.Customers.Customer { Name = "Nadia Benali" };
        var @case = Case.Open(team, customer, "Colis", Channel.Email, DateTimeOffset.UnixEpoch);
        PastMessage[] history = [new(MessageDirection.In, story, false) { Id = 1 }];

        ReadCustomerMessage.Apply(@case, team, $"Merci, j'attends votre retour.\n\nLe 12 déc. 2026 à 10:02, Nadia Benali a écrit :\n> {story}", history, DateTimeOffset.UnixEpoch);
        Assert.Equal(0, @case.ReExplanations);

        ReadCustomerMessage.Apply(@case, team, "Je répète : " + story, history, DateTimeOffset.UnixEpoch);
        Assert.Equal(1, @case.ReExplanations);
    }
}
