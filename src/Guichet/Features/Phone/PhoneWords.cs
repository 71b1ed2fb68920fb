namespace Guichet.Features.Phone;

/// <summary>Names the words of Phone's pages: PhoneWords.resx (French) and PhoneWords.en.resx (English), read through IStringLocalizer&lt;PhoneWords&gt;.</summary>
public sealed class PhoneWords;
