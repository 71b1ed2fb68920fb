using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Core.Imports;

public static class ImportsFeature
{
    public static IServiceCollection AddImports(this IServiceCollection services) => services
        .AddScoped<ImportHistory>();
}
