using Guichet.Core.Data;

namespace Guichet.Core.Customers;

/// <summary>Customer lookups for the lean write paths (email intake, incident lists): one reused command, no change tracking.</summary>
public static class CustomerRows
{
    /// <param name="address">Already normalised (<see cref="CustomerContact.NormaliseEmail"/>).</param>
    public static async Task<long?> ByEmailAsync(ModelRows rows, string address, CancellationToken ct)
    {
        var hit = await rows.QueryAsync("""SELECT "CustomerId" FROM "CustomerIdentities" WHERE "Kind" = @p0 AND "Value" = @p1 LIMIT 1""", r => r.GetInt64(0), ct,
            rows.Stored<CustomerIdentity>(nameof(CustomerIdentity.Kind), IdentityKind.Email), address);
        return hit is [var id] ? id : null;
    }
}
