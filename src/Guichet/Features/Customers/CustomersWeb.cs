namespace Guichet.Features.Customers;

/// <summary>Customers in the server: their API (identities, merges, assets), their data (export, erasure), and the undo form.</summary>
public static class CustomersWeb
{
    public static void MapCustomersWeb(this GuichetRoutes routes)
    {
        routes.Api.MapCustomers().MapCustomerData().MapOrganisations();
        routes.Ui.MapCustomerForms();
    }
}
