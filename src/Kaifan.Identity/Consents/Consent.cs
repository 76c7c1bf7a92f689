using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Identity.Consents;

/// <summary>
/// One decision a person made about one purpose (ConsentPurposes): granted or withdrawn, when, under which policy text.
/// Rows are only ever added, so the history proves what held at any moment (GDPR art. 7(1)); the current state is the
/// newest row. The id grows with every insert, so "newest" is exact even when two decisions share a timestamp.
/// </summary>
internal sealed class Consent
{
    public long Id { get; init; }

    public Guid UserId { get; init; }

    public required string Purpose { get; init; }

    public bool Granted { get; init; }

    public DateTimeOffset At { get; init; }

    public required string PolicyVersion { get; init; }
}

/// <summary>The privacy policy text a consent was given under; a new text means a new version here.</summary>
internal static class ConsentPolicy
{
    public const string Version = "2026-11-29";
}

internal sealed class ConsentConfiguration : IEntityTypeConfiguration<Consent>
{
    public void Configure(EntityTypeBuilder<Consent> builder)
    {
        builder.ToTable("identity_consents");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedOnAdd();
        builder.Property(c => c.Purpose).HasMaxLength(16);
        builder.Property(c => c.PolicyVersion).HasMaxLength(16);
        builder.HasIndex(c => new { c.UserId, c.Purpose });
    }
}

internal static class ConsentQueries
{
    /// <summary>The newest decision per purpose; a purpose never decided is absent.</summary>
    public static async Task<Dictionary<string, Consent>> CurrentAsync(this IdentityDb db, Guid userId, CancellationToken ct)
    {
        var rows = await db.Consents.AsNoTracking().Where(c => c.UserId == userId).ToListAsync(ct);
        return rows.GroupBy(c => c.Purpose).ToDictionary(g => g.Key, g => g.MaxBy(c => c.Id)!);
    }
}
