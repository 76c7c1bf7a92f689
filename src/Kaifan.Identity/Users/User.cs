using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Identity.Users;

/// <summary>A person who signs in. Phone and name are stored only encrypted; PhoneHash finds them.</summary>
internal sealed class User
{
    public Guid Id { get; init; }

    public required string Role { get; init; }

    public required string PhoneCipher { get; set; }

    public required string PhoneHash { get; set; }

    public string? NameCipher { get; set; }

    public Guid? MerchantId { get; init; }

    public Guid? RiderId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the person erased their account (注销): the row stays only so ids on old orders point nowhere personal.</summary>
    public DateTimeOffset? ErasedAt { get; set; }

    /// <summary>
    /// Phone and name go; the lookup hash is replaced by one no phone can produce, so the same phone signs up again as a
    /// new person and nothing leads back to this row.
    /// </summary>
    public void Erase(DateTimeOffset now)
    {
        PhoneCipher = "";
        PhoneHash = "erased:" + Id.ToString("N");
        NameCipher = null;
        ErasedAt = now;
    }
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("identity_users");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Role).HasMaxLength(16);
        builder.Property(u => u.PhoneCipher).HasMaxLength(200);
        builder.Property(u => u.PhoneHash).HasMaxLength(64);
        builder.Property(u => u.NameCipher).HasMaxLength(300);
        builder.HasIndex(u => u.PhoneHash).IsUnique();
    }
}
