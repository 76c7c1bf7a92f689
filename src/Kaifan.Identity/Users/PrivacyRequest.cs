using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Identity.Users;

/// <summary>
/// A record that a person's data was erased, kept to answer a regulator's question: at their own request (erasure, 注销)
/// or by the station when they left (offboarding, 离职; the audit log says who and why).
/// </summary>
internal sealed class PrivacyRequest
{
    public const string Erasure = "erasure";

    public const string Offboarding = "offboarding";

    public Guid Id { get; init; }

    public Guid UserId { get; init; }

    public required string Kind { get; init; }

    public DateTimeOffset At { get; init; }
}

internal sealed class PrivacyRequestConfiguration : IEntityTypeConfiguration<PrivacyRequest>
{
    public void Configure(EntityTypeBuilder<PrivacyRequest> builder)
    {
        builder.ToTable("identity_privacy_requests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Kind).HasMaxLength(16);
        builder.HasIndex(r => r.UserId);
    }
}
