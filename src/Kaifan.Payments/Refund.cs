using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Payments;

internal enum RefundStatus
{
    Pending,
    Succeeded,

    /// <summary>
    /// The gateway could not send the money back (REFUND.ABNORMAL: the payer's card or change account closed; or
    /// REFUND.CLOSED): the customer is still owed it, which the station pays by hand (WeChat's 异常退款); 退款记录 shows it.
    /// </summary>
    Abnormal,
}

/// <summary>
/// Money going back to the customer: the whole payment once when an order is cancelled, or parts of it for refund
/// requests after delivery (their Id is the request's), never more in all than the payment.
/// </summary>
internal sealed class Refund
{
    public Guid Id { get; init; }

    public Guid PaymentId { get; init; }

    public long AmountFen { get; init; }

    public required string Reason { get; init; }

    public RefundStatus Status { get; set; }

    public DateTimeOffset RequestedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>Two copies of the gateway's callback may arrive at once; only one of them completes the refund.</summary>
    public int Version { get; set; }

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
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => r.PaymentId);
        builder.HasOne<PaymentIntent>().WithMany().HasForeignKey(r => r.PaymentId);
    }
}
