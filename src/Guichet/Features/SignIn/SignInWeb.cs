namespace Guichet.Features.SignIn;

/// <summary>Signing in and out in the server (the schemes themselves are set up with authentication, Hosting/Auth).</summary>
public static class SignInWeb
{
    public static void MapSignInWeb(this GuichetRoutes routes) => routes.App.MapSignIn();
}
