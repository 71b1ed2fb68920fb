namespace Guichet.Features.Incidents;

/// <summary>Names the words of Incidents's pages: IncidentsWords.resx (French) and IncidentsWords.en.resx (English), read through IStringLocalizer&lt;IncidentsWords&gt;.</summary>
public sealed class IncidentsWords;
