using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Customers;

public sealed record AssetRequest(string? Kind, string? Reference, string? Label, string? Details);

/// <summary>Adds an asset to a customer, or updates its label and details when the same (kind, reference) is given again.</summary>
public sealed class AddAsset(GuichetDb db, TimeProvider clock)
{
    public async Task<Result<CustomerAsset>> RunAsync(long customerId, AssetRequest request, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        Require(errors, "kind", request.Kind, 50);
        Require(errors, "reference", request.Reference, 200);
        Require(errors, "label", request.Label, 300);
        if (request.Details is { Length: > CustomerAsset.MaxDetailsLength })
        {
            errors.Add("details", $"The details are longer than {CustomerAsset.MaxDetailsLength} characters.");
        }
        if (errors.Any)
        {
            return errors;
        }
        if (!await db.Customers.AnyAsync(c => c.Id == customerId, ct))
        {
            return Failure.NotFound("id", $"There is no customer {customerId}.");
        }
        var kind = request.Kind!.Trim().ToLowerInvariant();
        var reference = request.Reference!.Trim();
        var asset = await db.CustomerAssets.FirstOrDefaultAsync(a => a.CustomerId == customerId && a.Kind == kind && a.Reference == reference, ct);
        if (asset is null)
        {
            asset = new CustomerAsset { CustomerId = customerId, Kind = kind, Reference = reference, Label = request.Label!.Trim(), AddedAt = clock.Now() };
            db.CustomerAssets.Add(asset);
        }
        asset.Label = request.Label!.Trim();
        asset.Details = string.IsNullOrWhiteSpace(request.Details) ? null : request.Details.Trim();
        await db.SaveChangesAsync(ct);
        return asset;
    }

    private static void Require(ValidationErrors errors, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > max)
        {
            errors.Add(field, $"The {field} is required (at most {max} characters).");
        }
    }
}
