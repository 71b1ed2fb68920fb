namespace Guichet.Features.Automations;

/// <summary>Names the words of the rules page: AutomationsWords.resx (French) and AutomationsWords.en.resx (English).</summary>
public sealed class AutomationsWords;
