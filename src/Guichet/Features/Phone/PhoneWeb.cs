namespace Guichet.Features.Phone;

/// <summary>The hotline in the server: the phone system's webhook and calls API, and the case page's call form.</summary>
public static class PhoneWeb
{
    public static void MapPhoneWeb(this GuichetRoutes routes)
    {
        routes.Api.MapPhone();
        routes.Ui.MapPhoneForms();
    }
}
