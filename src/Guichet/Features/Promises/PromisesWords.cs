namespace Guichet.Features.Promises;

/// <summary>Names the words of Promises's pages: PromisesWords.resx (French) and PromisesWords.en.resx (English), read through IStringLocalizer&lt;PromisesWords&gt;.</summary>
public sealed class PromisesWords;
