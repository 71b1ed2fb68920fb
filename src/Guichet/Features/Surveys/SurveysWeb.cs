namespace Guichet.Features.Surveys;

/// <summary>Surveys in the server: their API (agents and the customer's link) and the worker that sends them.</summary>
public static class SurveysWeb
{
    public static IServiceCollection AddSurveysWeb(this IServiceCollection services) => services.AddDueWork<SurveyRoundsService>();

    public static void MapSurveysWeb(this GuichetRoutes routes) => routes.Api.MapSurveys();
}
