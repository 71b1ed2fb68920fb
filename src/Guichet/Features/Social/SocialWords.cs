namespace Guichet.Features.Social;

/// <summary>Names the words of Social's pages: SocialWords.resx (French) and SocialWords.en.resx (English), read through IStringLocalizer&lt;SocialWords&gt;.</summary>
public sealed class SocialWords;
