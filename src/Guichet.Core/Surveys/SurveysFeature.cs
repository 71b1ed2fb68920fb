using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Core.Surveys;

/// <summary>The operations of surveys after resolution (M1), as the web, the workers and the CLI call them.</summary>
public static class SurveysFeature
{
    public static IServiceCollection AddSurveys(this IServiceCollection services)
    {
        services.AddSingleton<SurveyScan>();
        services.AddScoped<SurveyRounds>();
        services.AddScoped<AnswerSurvey>();
        return services;
    }
}
