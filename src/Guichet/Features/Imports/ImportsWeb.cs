namespace Guichet.Features.Imports;

/// <summary>Imports through the API (W10): the admins' endpoints and the runner that works on this node's uploads.</summary>
public static class ImportsWeb
{
    public static IServiceCollection AddImportsWeb(this IServiceCollection services) => services
        .AddScoped<StartImport>()
        .AddSingleton<ImportRunner>()
        .AddHostedService(sp => sp.GetRequiredService<ImportRunner>());

    public static void MapImportsWeb(this GuichetRoutes routes)
    {
        routes.Api.MapImports();
        routes.Ui.MapImportForms();
    }
}
