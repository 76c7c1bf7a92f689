using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Identity.Addresses;

/// <summary>A customer's delivery address; contact name, phone and detail are encrypted at rest.</summary>
internal sealed class Address
{
    public Guid Id { get; init; }

    public Guid CustomerId { get; init; }

    public Guid ZoneId { get; set; }

    public required string ContactNameCipher { get; set; }

    public required string PhoneCipher { get; set; }

    public required string DetailCipher { get; set; }

    public double Latitude { get; set; }

    public double Longitude { get; set; }

    /// <summary>家 / 公司 / 学校.</summary>
    public string Tag { get; set; } = "";

    public bool StairsNoLift { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class AddressConfiguration : IEntityTypeConfiguration<Address>
{
    public void Configure(EntityTypeBuilder<Address> builder)
    {
        builder.ToTable("identity_addresses");
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => a.CustomerId);
        builder.Property(a => a.ContactNameCipher).HasMaxLength(300);
        builder.Property(a => a.PhoneCipher).HasMaxLength(200);
        builder.Property(a => a.DetailCipher).HasMaxLength(600);
        builder.Property(a => a.Tag).HasMaxLength(8);
    }
}
