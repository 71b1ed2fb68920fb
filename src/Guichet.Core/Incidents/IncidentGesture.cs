using Guichet.Core.Goodwill;

namespace Guichet.Core.Incidents;

/// <summary>The sentence of an incident apology that says what the customer receives, in their language.</summary>
public static class IncidentGesture
{
    public static string Text(GestureKind gesture, Money amount, string language) => (gesture, language) switch
    {
        (GestureKind.Apology, "en") => "We are truly sorry for the inconvenience.",
        (GestureKind.Apology, _) => "Nous sommes sincèrement désolés de ce désagrément.",
        (GestureKind.Points, "en") => $"{amount.Minor} points have been added to your account.",
        (GestureKind.Points, _) => $"{amount.Minor} points ont été ajoutés à votre compte.",
        (GestureKind.Credit, "en") => $"A credit of {amount} has been added to your account.",
        (GestureKind.Credit, _) => $"Un avoir de {amount} est crédité sur votre compte.",
        (_, "en") => $"A refund of {amount} is on its way to you.",
        _ => $"Un remboursement de {amount} vous est versé.",
    };
}
