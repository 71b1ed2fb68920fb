namespace Guichet.Features.Imports;

/// <summary>Names the words of the imports page: ImportsWords.resx (French) and ImportsWords.en.resx (English).</summary>
public sealed class ImportsWords;
