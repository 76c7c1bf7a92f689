using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Identity.Audit;

/// <summary>
/// One row of the audit trail. Rows are only ever added: Sequence numbers them without gaps, and Hash covers the row's
/// content and the previous row's hash, so an edited, removed or inserted row breaks the chain from there on.
/// </summary>
internal sealed class AuditEntry
{
    public long Sequence { get; init; }

    public DateTimeOffset At { get; init; }

    public Guid ActorId { get; init; }

    public required string ActorRole { get; init; }

    public required string Action { get; init; }

    public required string SubjectType { get; init; }

    public string? SubjectId { get; init; }

    public int Outcome { get; init; }

    public string? Detail { get; init; }

    public required string PreviousHash { get; init; }

    public required string Hash { get; init; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("identity_audit_log");

        // The sequence is assigned by the writer, not the database: a second writer that read the same tail collides on
        // the key instead of forking the chain.
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).ValueGeneratedNever();
        builder.Property(e => e.ActorRole).HasMaxLength(16);
        builder.Property(e => e.Action).HasMaxLength(80);
        builder.Property(e => e.SubjectType).HasMaxLength(40);
        builder.Property(e => e.SubjectId).HasMaxLength(64);
        builder.Property(e => e.Detail).HasMaxLength(200);
        builder.Property(e => e.PreviousHash).HasMaxLength(64);
        builder.Property(e => e.Hash).HasMaxLength(64);
        builder.HasIndex(e => e.ActorId);
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.SubjectId, e.Action });
    }
}
