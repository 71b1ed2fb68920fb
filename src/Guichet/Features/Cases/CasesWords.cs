namespace Guichet.Features.Cases;

/// <summary>Names the words of Cases's pages: CasesWords.resx (French) and CasesWords.en.resx (English), read through IStringLocalizer&lt;CasesWords&gt;.</summary>
public sealed class CasesWords;
