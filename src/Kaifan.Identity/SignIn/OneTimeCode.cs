using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Identity.SignIn;

/// <summary>A sign-in code sent by SMS. Only a keyed hash of the code is stored.</summary>
internal sealed class OneTimeCode
{
    public const int Digits = 6;
    public const int MaxWrongTries = 5;
    public const int MaxCodesPerHour = 5;
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public Guid Id { get; init; }

    public required string PhoneHash { get; init; }

    public required string CodeHash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? UsedAt { get; set; }

    public int WrongTries { get; set; }
}

internal sealed class OneTimeCodeConfiguration : IEntityTypeConfiguration<OneTimeCode>
{
    public void Configure(EntityTypeBuilder<OneTimeCode> builder)
    {
        builder.ToTable("identity_one_time_codes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.PhoneHash).HasMaxLength(64);
        builder.Property(c => c.CodeHash).HasMaxLength(64);
        builder.HasIndex(c => new { c.PhoneHash, c.CreatedAt });
    }
}
