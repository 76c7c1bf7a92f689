using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Insights.Experiments;

/// <summary>
/// An A/B experiment on the interface: 2–4 variants with traffic weights (the first is the control) on one target,
/// running from StartedAt until StoppedAt. Variants and weights never change once created, so a customer's variant,
/// computed from a hash (VariantAssignment), never changes either.
/// </summary>
internal sealed class Experiment
{
    public required string Key { get; init; }
    public required string Name { get; init; }
    public required string Target { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? StoppedAt { get; set; }
    public List<ExperimentVariant> Variants { get; init; } = [];

    public bool IsRunning => StartedAt is not null && StoppedAt is null;

    public string Status => StartedAt is null ? "draft" : StoppedAt is null ? "running" : "stopped";
}

internal sealed class ExperimentVariant
{
    public required string ExperimentKey { get; init; }
    public required string Name { get; init; }
    public int Weight { get; init; }
    public int Sort { get; init; }
}

/// <summary>
/// The first time a customer saw their variant of a running experiment (one row per customer and experiment). Converted
/// when they place an order within 24 h after it. CustomerId is cleared on erasure, the counts stay.
/// </summary>
internal sealed class ExperimentExposure
{
    public Guid Id { get; init; }
    public required string ExperimentKey { get; init; }
    public Guid? CustomerId { get; set; }
    public required string Variant { get; init; }
    public DateTimeOffset ExposedAt { get; init; }
    public DateTimeOffset? ConvertedAt { get; set; }
    public Guid? ConvertingOrderId { get; set; }
}

internal sealed class ExperimentConfiguration : IEntityTypeConfiguration<Experiment>
{
    public void Configure(EntityTypeBuilder<Experiment> b)
    {
        b.ToTable("insights_experiments");
        b.HasKey(e => e.Key);
        b.Property(e => e.Key).HasMaxLength(ExperimentRules.MaxKeyLength);
        b.Property(e => e.Name).HasMaxLength(60);
        b.Property(e => e.Target).HasMaxLength(60);
        b.Ignore(e => e.IsRunning);
        b.Ignore(e => e.Status);
        b.HasMany(e => e.Variants).WithOne().HasForeignKey(v => v.ExperimentKey).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExperimentVariantConfiguration : IEntityTypeConfiguration<ExperimentVariant>
{
    public void Configure(EntityTypeBuilder<ExperimentVariant> b)
    {
        b.ToTable("insights_experiment_variants");
        b.HasKey(v => new { v.ExperimentKey, v.Name });
        b.Property(v => v.ExperimentKey).HasMaxLength(ExperimentRules.MaxKeyLength);
        b.Property(v => v.Name).HasMaxLength(ExperimentRules.MaxVariantLength);
    }
}

internal sealed class ExperimentExposureConfiguration : IEntityTypeConfiguration<ExperimentExposure>
{
    public void Configure(EntityTypeBuilder<ExperimentExposure> b)
    {
        b.ToTable("insights_experiment_exposures");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.ExperimentKey).HasMaxLength(ExperimentRules.MaxKeyLength);
        b.Property(x => x.Variant).HasMaxLength(ExperimentRules.MaxVariantLength);
        b.HasIndex(x => new { x.ExperimentKey, x.CustomerId }).IsUnique();
        b.HasIndex(x => new { x.CustomerId, x.ExposedAt });
    }
}

internal static class ExperimentRules
{
    public const int MaxKeyLength = 60;
    public const int MaxVariantLength = 30;

    /// <summary>An order counts for an exposure placed this long after it at most.</summary>
    public static readonly TimeSpan ConversionWindow = TimeSpan.FromHours(24);
}
