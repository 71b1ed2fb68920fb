namespace Guichet.Features.Templates;

/// <summary>Names the words of Templates's pages: TemplatesWords.resx (French) and TemplatesWords.en.resx (English), read through IStringLocalizer&lt;TemplatesWords&gt;.</summary>
public sealed class TemplatesWords;
