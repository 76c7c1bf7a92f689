using Kaifan.Contracts;
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

/// <summary>
/// The privacy policy text a consent was given under. A new text means a new <see cref="Version"/>; where it changes
/// what a purpose covers, that purpose's entry in <see cref="ChangedIn"/> moves to the new version too, and grants given
/// under an older text stop counting until the person agrees again (PIPL art. 14: a changed purpose needs consent
/// again). Versions are ISO dates, so they compare as strings.
/// </summary>
internal static class ConsentPolicy
{
    public const string Version = "2026-11-29";

    public static readonly IReadOnlyDictionary<string, string> ChangedIn = new Dictionary<string, string>
    {
        [ConsentPurposes.Location] = "2026-11-29",
        [ConsentPurposes.Marketing] = "2026-11-29",
        [ConsentPurposes.Personalisation] = "2026-11-29",
        [ConsentPurposes.Health] = "2026-11-29",
    };

    /// <summary>Whether this decision, the newest for its purpose, is a consent that holds under today's text.</summary>
    public static bool Holds(Consent decision) => decision.Granted && !NeedsRenewal(decision);

    /// <summary>A grant given under a text older than the purpose's last change: ask again, and until then it is no consent.</summary>
    public static bool NeedsRenewal(Consent decision) =>
        decision.Granted && string.CompareOrdinal(decision.PolicyVersion, ChangedIn[decision.Purpose]) < 0;
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
