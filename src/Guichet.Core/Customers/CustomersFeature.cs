using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Core.Customers;

/// <summary>The operations of customers: erasure, merges, assets, CSV import (C2), as the web, the workers and the CLI call them.</summary>
public static class CustomersFeature
{
    public static IServiceCollection AddCustomers(this IServiceCollection services)
    {
        services.AddScoped<EraseCustomer>();
        services.AddScoped<MergeCustomers>();
        services.AddScoped<EditProfile>();
        services.AddScoped<AddAsset>();
        services.AddScoped<ImportCustomers>();
        services.AddScoped<Organisations.SaveOrganisation>();
        services.AddScoped<Organisations.ImportOrganisations>();
        return services;
    }
}
