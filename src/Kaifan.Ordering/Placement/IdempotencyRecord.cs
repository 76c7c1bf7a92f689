using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Ordering.Placement;

/// <summary>
/// A claimed Idempotency-Key. The row is inserted (and committed) before any work, so the unique index
/// decides the one request that does the work; the response is stored with the order it created.
/// </summary>
internal sealed class IdempotencyRecord
{
    public Guid Id { get; init; }
    public Guid CustomerId { get; init; }
    public required string Key { get; init; }
    public required string RequestHash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public int? ResponseStatus { get; set; }
    /// <summary>Encrypted like other personal data: the response shows the customer's own address in full.</summary>
    public string? ResponseBody { get; set; }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> record)
    {
        record.ToTable("ordering_idempotency_records");
        record.HasKey(r => r.Id);
        record.Property(r => r.Id).ValueGeneratedNever();
        record.Property(r => r.Key).HasMaxLength(64);
        record.Property(r => r.RequestHash).HasMaxLength(64);
        record.HasIndex(r => new { r.CustomerId, r.Key }).IsUnique();
    }
}

/// <summary>The last order number handed out on a Shanghai calendar day.</summary>
internal sealed class OrderNumberCounter
{
    public required string Day { get; init; }
    public long Last { get; set; }
}

internal sealed class OrderNumberCounterConfiguration : IEntityTypeConfiguration<OrderNumberCounter>
{
    public void Configure(EntityTypeBuilder<OrderNumberCounter> counter)
    {
        counter.ToTable("ordering_order_numbers");
        counter.HasKey(c => c.Day);
        counter.Property(c => c.Day).HasMaxLength(8);
    }
}
