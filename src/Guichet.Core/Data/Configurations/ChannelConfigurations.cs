using Guichet.Core.Cases;
using Guichet.Core.Phone;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Core.Data.Configurations;

internal sealed class PhoneCallConfiguration : IEntityTypeConfiguration<PhoneCall>
{
    public void Configure(EntityTypeBuilder<PhoneCall> b)
    {
        b.Property(c => c.CallId).HasMaxLength(200);
        b.HasIndex(c => c.CallId).IsUnique();
        b.Property(c => c.Caller).HasMaxLength(64);
        b.Property(c => c.Callee).HasMaxLength(64);
        b.HasOne<Case>().WithMany().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Message>().WithMany().HasForeignKey(c => c.MessageId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Agents.Agent>().WithMany().HasForeignKey(c => c.AgentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.CaseId, c.StartedAt });
        b.HasIndex(c => c.StartedAt);
        b.Ignore(c => c.Answered);
    }
}

internal sealed class PortalAccessConfiguration : IEntityTypeConfiguration<Portal.PortalAccess>
{
    public void Configure(EntityTypeBuilder<Portal.PortalAccess> b)
    {
        b.Property(a => a.TokenHash).HasMaxLength(64);
        b.HasIndex(a => a.TokenHash).IsUnique();
        b.HasOne<Case>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SocialPostConfiguration : IEntityTypeConfiguration<Social.SocialPost>
{
    public void Configure(EntityTypeBuilder<Social.SocialPost> b)
    {
        b.Property(p => p.Platform).HasMaxLength(32);
        b.Property(p => p.EventId).HasMaxLength(200);
        b.HasIndex(p => new { p.Platform, p.EventId }).IsUnique();
        b.Property(p => p.PostId).HasMaxLength(200);
        b.Property(p => p.AuthorHandle).HasMaxLength(140);
        b.Property(p => p.AuthorName).HasMaxLength(200);
        b.Property(p => p.Url).HasMaxLength(2000);
        b.Property(p => p.Rule).HasMaxLength(500);
        b.Property(p => p.HiddenBecause).HasMaxLength(200);
        b.HasOne<Case>().WithMany().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(p => new { p.Class, p.ReceivedAt });
    }
}

internal sealed class CustomerMergeConfiguration : IEntityTypeConfiguration<Customers.CustomerMerge>
{
    public void Configure(EntityTypeBuilder<Customers.CustomerMerge> b)
    {
        b.HasIndex(m => m.IntoId);
        b.HasIndex(m => m.FromId);
        b.HasOne<Customers.Customer>().WithMany().HasForeignKey(m => m.IntoId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Customers.Customer>().WithMany().HasForeignKey(m => m.FromId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CustomerAssetConfiguration : IEntityTypeConfiguration<Customers.CustomerAsset>
{
    public void Configure(EntityTypeBuilder<Customers.CustomerAsset> b)
    {
        b.Property(a => a.Kind).HasMaxLength(50);
        b.Property(a => a.Reference).HasMaxLength(200);
        b.Property(a => a.Label).HasMaxLength(300);
        b.Property(a => a.Details).HasMaxLength(Customers.CustomerAsset.MaxDetailsLength);
        b.HasIndex(a => new { a.CustomerId, a.Kind, a.Reference }).IsUnique();
        b.HasOne<Customers.Customer>().WithMany().HasForeignKey(a => a.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
