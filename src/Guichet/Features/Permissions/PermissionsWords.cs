namespace Guichet.Features.Permissions;

/// <summary>Names the words of Permissions's pages: PermissionsWords.resx (French) and PermissionsWords.en.resx (English), read through IStringLocalizer&lt;PermissionsWords&gt;.</summary>
public sealed class PermissionsWords;
