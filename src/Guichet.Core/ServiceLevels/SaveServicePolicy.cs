using Guichet.Core.Cases;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.ServiceLevels;

/// <summary>POST/PUT /api/service-levels: a policy's name, whom it covers (each optional) and its targets in business hours.</summary>
public sealed record ServicePolicyRequest(
    string? Name,
    string? Priority = null,
    string? Tier = null,
    long? OrganisationId = null,
    string? Team = null,
    double? FirstReplyHours = null,
    double? NextReplyHours = null,
    double? ResolutionHours = null,
    int? Position = null,
    bool? Active = null);

/// <summary>Makes, changes and removes service levels (W8, admins). Cases already acknowledged keep their targets until their priority changes.</summary>
public sealed class SaveServicePolicy(GuichetDb db, TimeProvider clock)
{
    private const double MaxHours = 24 * 366;

    public async Task<Result<ServicePolicy>> CreateAsync(ServicePolicyRequest request, CancellationToken ct = default)
    {
        var policy = new ServicePolicy { Name = "", CreatedAt = clock.Now() };
        var errors = await FillAsync(policy, request, ct);
        if (errors.Any)
        {
            return errors;
        }
        policy.Position = request.Position ?? (await db.ServicePolicies.MaxAsync(p => (int?)p.Position, ct) ?? 0) + 1;
        db.ServicePolicies.Add(policy);
        await db.SaveChangesAsync(ct);
        ServicePolicies.Changed(db);
        return policy;
    }

    public async Task<Result<ServicePolicy>> ChangeAsync(long id, ServicePolicyRequest request, CancellationToken ct = default)
    {
        var policy = await db.ServicePolicies.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (policy is null)
        {
            return Failure.NotFound("id", $"There is no service level {id}.");
        }
        var errors = await FillAsync(policy, request, ct);
        if (errors.Any)
        {
            return errors;
        }
        policy.Position = request.Position ?? policy.Position;
        await db.SaveChangesAsync(ct);
        ServicePolicies.Changed(db);
        return policy;
    }

    public async Task<Result<bool>> DeleteAsync(long id, CancellationToken ct = default)
    {
        if (await db.ServicePolicies.Where(p => p.Id == id).ExecuteDeleteAsync(ct) == 0)
        {
            return Failure.NotFound("id", $"There is no service level {id}.");
        }
        ServicePolicies.Changed(db);
        return true;
    }

    private async Task<ValidationErrors> FillAsync(ServicePolicy policy, ServicePolicyRequest request, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100)
        {
            errors.Add("name", "A service level needs a name of at most 100 characters.");
        }
        CasePriority? priority = null;
        if (!string.IsNullOrWhiteSpace(request.Priority))
        {
            if (WireNames.TryParseWire<CasePriority>(request.Priority, out var parsed))
            {
                priority = parsed;
            }
            else
            {
                errors.Add("priority", $"'{request.Priority}' is not a priority: low, normal, high or urgent.");
            }
        }
        var tier = string.IsNullOrWhiteSpace(request.Tier) ? null : request.Tier.Trim();
        if (tier?.Length > 50)
        {
            errors.Add("tier", "A tier is at most 50 characters.");
        }
        if (request.OrganisationId is { } org && !await db.Organisations.AnyAsync(o => o.Id == org, ct))
        {
            errors.Add("organisationId", $"There is no organisation {org}.");
        }
        long? teamId = null;
        if (!string.IsNullOrWhiteSpace(request.Team))
        {
            var slug = request.Team.Trim();
            teamId = await db.Teams.Where(t => t.Slug == slug).Select(t => (long?)t.Id).FirstOrDefaultAsync(ct);
            if (teamId is null)
            {
                errors.Add("team", $"There is no team '{request.Team}'.");
            }
        }
        foreach (var (field, hours) in new[] { ("firstReplyHours", request.FirstReplyHours), ("nextReplyHours", request.NextReplyHours), ("resolutionHours", request.ResolutionHours) })
        {
            if (hours is { } h && (double.IsNaN(h) || h <= 0 || h > MaxHours))
            {
                errors.Add(field, $"Give business hours between 0 and {MaxHours}.");
            }
        }
        if (request.FirstReplyHours is null && request.NextReplyHours is null && request.ResolutionHours is null)
        {
            errors.Add("firstReplyHours", "A service level sets at least one target: firstReplyHours, nextReplyHours or resolutionHours.");
        }
        if (errors.Any)
        {
            return errors;
        }
        policy.Name = name!;
        (policy.Priority, policy.Tier, policy.OrganisationId, policy.TeamId) = (priority, tier, request.OrganisationId, teamId);
        (policy.FirstReplyHours, policy.NextReplyHours, policy.ResolutionHours) = (request.FirstReplyHours, request.NextReplyHours, request.ResolutionHours);
        policy.Active = request.Active ?? policy.Active;
        return errors;
    }
}
