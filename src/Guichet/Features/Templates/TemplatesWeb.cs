namespace Guichet.Features.Templates;

/// <summary>Templates in the server: their API and the remove form.</summary>
public static class TemplatesWeb
{
    public static void MapTemplatesWeb(this GuichetRoutes routes)
    {
        routes.Api.MapTemplates();
        routes.Ui.MapTemplateForms();
    }
}
