namespace Guichet.Features.SignIn;

/// <summary>Names the words of SignIn's pages: SignInWords.resx (French) and SignInWords.en.resx (English), read through IStringLocalizer&lt;SignInWords&gt;.</summary>
public sealed class SignInWords;
