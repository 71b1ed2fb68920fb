namespace Guichet.Features.Knowledge;

/// <summary>The knowledge base in the server: the agents' API and search, the public help, and an article from a case.</summary>
public static class KnowledgeWeb
{
    public static IServiceCollection AddKnowledgeWeb(this IServiceCollection services) => services.AddDueWork<SearchIndexUpkeep>();

    public static void MapKnowledgeWeb(this GuichetRoutes routes)
    {
        routes.Api.MapKnowledge();
        routes.App.MapHelp();
        routes.Ui.MapKnowledgeForms();
    }
}
