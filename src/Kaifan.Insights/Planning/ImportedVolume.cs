using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Insights.Planning;

/// <summary>Orders a zone had in one UTC hour that Kaifan did not take itself: the station's history from the platform
/// it ran before (imported by the operator), or the demo campus's made-up past. The forecaster adds it to the
/// platform's own orders, so a new station gets a model on its first day instead of six weeks later.</summary>
internal sealed class ImportedVolume
{
    public const string Imported = "import";
    public const string Demo = "demo";

    public Guid ZoneId { get; init; }

    /// <summary>Start of the UTC hour.</summary>
    public DateTimeOffset Hour { get; init; }

    public int Orders { get; set; }

    public string Source { get; set; } = Imported;

    public DateTimeOffset ImportedAt { get; set; }
}

internal sealed class ImportedVolumeConfiguration : IEntityTypeConfiguration<ImportedVolume>
{
    public void Configure(EntityTypeBuilder<ImportedVolume> volume)
    {
        volume.ToTable("insights_imported_volumes");
        volume.HasKey(v => new { v.ZoneId, v.Hour });
        volume.Property(v => v.Source).HasMaxLength(16);
        volume.HasIndex(v => v.Hour);
    }
}
