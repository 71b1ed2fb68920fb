namespace Guichet.Features.Cases;

/// <summary>Cases in the server: the API, the case page's forms, the inbox and new-case pages, and the retention worker.</summary>
public static class CasesWeb
{
    public static IServiceCollection AddCasesWeb(this IServiceCollection services)
    {
        services.AddSingleton<BulkJobRunner>();
        services.AddSingleton<CaseCounts>();
        services.AddSingleton<KnownTags>();
        services.AddHostedService(sp => sp.GetRequiredService<BulkJobRunner>());
        return services.AddDueWork<CaseRetentionService>();
    }

    public static void MapCasesWeb(this GuichetRoutes routes)
    {
        routes.Api.MapCases();
        routes.Api.MapTags();
        routes.Api.MapViews();
        routes.Api.MapExports();
        routes.Api.MapBulk();
        routes.Ui.MapBulkForm();
        routes.Api.MapMacros();
        routes.Ui.MapMacroForms();
        routes.Api.MapFields();
        routes.Ui.MapFieldForms();
        routes.Ui.MapCaseForms();
    }
}
