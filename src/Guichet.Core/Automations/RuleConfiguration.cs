using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.Automations;

internal sealed class RuleConfiguration : IEntityTypeConfiguration<Rule>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<Rule> b)
    {
        b.Property(r => r.Name).HasMaxLength(100);
        b.Property(r => r.When).HasMaxLength(40);
        // A rule's rows are read and written whole: JSON text, the same on both databases.
        b.Property(r => r.Conditions).HasConversion(
            v => JsonSerializer.Serialize(v, Json), v => JsonSerializer.Deserialize<List<RuleCondition>>(v, Json) ?? new List<RuleCondition>(),
            new ValueComparer<List<RuleCondition>>((a, c) => a!.SequenceEqual(c!), v => v.Aggregate(0, (h, x) => HashCode.Combine(h, x.GetHashCode())), v => v.ToList()));
        b.Property(r => r.Actions).HasConversion(
            v => JsonSerializer.Serialize(v, Json), v => JsonSerializer.Deserialize<List<RuleAction>>(v, Json) ?? new List<RuleAction>(),
            new ValueComparer<List<RuleAction>>((a, c) => a!.SequenceEqual(c!), v => v.Aggregate(0, (h, x) => HashCode.Combine(h, x.GetHashCode())), v => v.ToList()));
        b.HasOne<Teams.Team>().WithMany().HasForeignKey(r => r.TeamId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Agents.Agent>().WithMany().HasForeignKey(r => r.CreatedById).OnDelete(DeleteBehavior.SetNull);
        b.Ignore(r => r.IsTimed);
        b.Ignore(r => r.ActorName);
    }
}

internal sealed class RuleRunConfiguration : IEntityTypeConfiguration<RuleRun>
{
    public void Configure(EntityTypeBuilder<RuleRun> b)
    {
        b.Property(r => r.Key).HasMaxLength(64);
        // Once per rule and occurrence, whichever node gets there first.
        b.HasIndex(r => new { r.RuleId, r.Key }).IsUnique();
        b.HasIndex(r => r.CaseId);
        b.HasOne<Rule>().WithMany().HasForeignKey(r => r.RuleId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Cases.Case>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
