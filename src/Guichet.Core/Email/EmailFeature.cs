using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Guichet.Core.Email;

/// <summary>The operations of the email intake (H1), as the web, the workers and the CLI call them.</summary>
public static class EmailFeature
{
    public static IServiceCollection AddEmail(this IServiceCollection services)
    {
        services.AddScoped<ReceiveEmail>();
        services.TryAddSingleton(new MailIntakeSettings());
        return services;
    }
}
