using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Payments;

internal enum RefundStatus
{
    Pending,
    Succeeded,
}

/// <summary>Money going back to the customer; at most one per payment (a whole-order refund).</summary>
internal sealed class Refund
{
    public Guid Id { get; init; }

    public Guid PaymentId { get; init; }

    public long AmountFen { get; init; }

    public required string Reason { get; init; }

    public RefundStatus Status { get; set; }

    public DateTimeOffset RequestedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>The refund number we give the gateway (WeChat's out_refund_no).</summary>
    public string OutRefundNo => Id.ToString("N");
}

internal sealed class RefundConfiguration : IEntityTypeConfiguration<Refund>
{
    public void Configure(EntityTypeBuilder<Refund> builder)
    {
        builder.ToTable("payments_refunds");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Reason).HasMaxLength(200);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Ignore(r => r.OutRefundNo);
        builder.HasIndex(r => r.PaymentId).IsUnique();
        builder.HasOne<PaymentIntent>().WithMany().HasForeignKey(r => r.PaymentId);
    }
}
