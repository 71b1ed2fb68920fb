namespace Guichet.Features.Portal;

/// <summary>Names the words of Portal's pages: PortalWords.resx (French) and PortalWords.en.resx (English), read through IStringLocalizer&lt;PortalWords&gt;.</summary>
public sealed class PortalWords;
