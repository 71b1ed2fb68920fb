namespace Guichet.Features.Promises;

/// <summary>Promises in the server: the API, the case page's promise forms, the promises page, and the watcher.</summary>
public static class PromisesWeb
{
    public static IServiceCollection AddPromisesWeb(this IServiceCollection services) => services.AddDueWork<PromiseWatcherService>();

    public static void MapPromisesWeb(this GuichetRoutes routes)
    {
        routes.Api.MapPromises();
        routes.Ui.MapPromiseForms();
    }
}
