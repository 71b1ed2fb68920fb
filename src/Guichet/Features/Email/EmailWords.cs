namespace Guichet.Features.Email;

/// <summary>Names the words of Email's pages: EmailWords.resx (French) and EmailWords.en.resx (English), read through IStringLocalizer&lt;EmailWords&gt;.</summary>
public sealed class EmailWords;
