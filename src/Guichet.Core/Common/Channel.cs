namespace Guichet.Core;

/// <summary>Where a contact came from or a reply goes. One case spans many (SPEC C1).</summary>
public enum Channel
{
    Email,
    Portal,
    Chat,
    Phone,
    Social,
    Api,
}
