using Guichet.Core.Cases;
using Guichet.Core.Promises;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Core.Data;

public static class ServiceRegistration
{
    /// <summary>The operations the web UI, the API, the workers and the CLI all call.</summary>
    public static IServiceCollection AddCaseOperations(this IServiceCollection services) => services
        .AddScoped<OpenCase>()
        .AddScoped<PostMessage>()
        .AddScoped<AddNote>()
        .AddScoped<AssignCase>()
        .AddScoped<ChangeCaseStatus>()
        .AddScoped<TransferCase>()
        .AddScoped<MakePromise>()
        .AddScoped<KeepPromise>()
        .AddScoped<RenegotiatePromise>()
        .AddScoped<PromiseWatcher>()
        .AddScoped<ApproveCeiling>()
        .AddScoped<Email.ReceiveEmail>();
}
