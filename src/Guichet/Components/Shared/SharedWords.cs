namespace Guichet.Components.Shared;

/// <summary>Names the workspace words shared by several features: SharedWords.resx (French) and SharedWords.en.resx (English), read through IStringLocalizer&lt;SharedWords&gt;.</summary>
public sealed class SharedWords;
