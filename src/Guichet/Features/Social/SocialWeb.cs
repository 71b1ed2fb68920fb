namespace Guichet.Features.Social;

/// <summary>Social media in the server: the signed webhook, posts, and the public answer form.</summary>
public static class SocialWeb
{
    public static void MapSocialWeb(this GuichetRoutes routes)
    {
        routes.Api.MapSocial();
        routes.Ui.MapSocialForms();
    }
}
