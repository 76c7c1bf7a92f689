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

    /// <summary>A CLOSED refund the station asked again under a new number; it stays in the history, owing nothing.</summary>
    Closed,
}

/// <summary>How the gateway ended an abnormal refund, in its words: each asks for its own 异常退款.</summary>
internal static class GatewayOutcomes
{
    /// <summary>The money could not reach the customer: 发起异常退款 pays it elsewhere.</summary>
    public const string Abnormal = "ABNORMAL";

    /// <summary>The gateway closed the refund: a new refund (new out_refund_no) for the same amount.</summary>
    public const string Closed = "CLOSED";
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

    /// <summary>ABNORMAL or CLOSED once the gateway said so (<see cref="GatewayOutcomes"/>).</summary>
    public string? GatewayOutcome { get; set; }

    /// <summary>The gateway's refund_id, which 发起异常退款 names.</summary>
    public string? GatewayRefundId { get; set; }

    /// <summary>For a refund asked again after CLOSED: the first of the chain, whose id the rest of Kaifan knows (a refund request's).</summary>
    public Guid? FirstId { get; init; }

    /// <summary>When and by which operator the 异常退款 was made.</summary>
    public DateTimeOffset? HandledAt { get; set; }

    public Guid? HandledBy { get; set; }

    /// <summary>The refund number we give the gateway (WeChat's out_refund_no).</summary>
    public string OutRefundNo => Id.ToString("N");

    /// <summary>The id Ordering and Insights know this refund by.</summary>
    public Guid KnownAs => FirstId ?? Id;
}

internal sealed class RefundConfiguration : IEntityTypeConfiguration<Refund>
{
    public void Configure(EntityTypeBuilder<Refund> builder)
    {
        builder.ToTable("payments_refunds");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Reason).HasMaxLength(200);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.GatewayOutcome).HasMaxLength(16);
        builder.Property(r => r.GatewayRefundId).HasMaxLength(64);
        builder.Ignore(r => r.OutRefundNo);
        builder.Ignore(r => r.KnownAs);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => r.PaymentId);
        builder.HasOne<PaymentIntent>().WithMany().HasForeignKey(r => r.PaymentId);
    }
}
