namespace Guichet.Features.Knowledge;

/// <summary>Names the words of Knowledge's pages: KnowledgeWords.resx (French) and KnowledgeWords.en.resx (English), read through IStringLocalizer&lt;KnowledgeWords&gt;.</summary>
public sealed class KnowledgeWords;
