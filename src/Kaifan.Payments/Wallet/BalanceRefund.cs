using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Payments.Wallet;

internal enum BalanceRefundStatus
{
    Pending,
    Succeeded,
    Failed,
}

/// <summary>
/// One part of a 余额退回: money of the balance going back to the WeChat trade of one credited top-up. A 退回 is split over
/// the customer's top-ups, newest first, never more from one than is left of it; RequestId groups the parts, and the
/// ledger's − entry bears it. Id is the part's out_refund_no, so the gateway refunds it once however often it is asked.
/// </summary>
internal sealed class BalanceRefund
{
    public Guid Id { get; init; }

    public Guid RequestId { get; init; }

    public Guid CustomerId { get; init; }

    public Guid TopUpId { get; init; }

    public long AmountFen { get; init; }

    public BalanceRefundStatus Status { get; set; }

    public DateTimeOffset RequestedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>The gateway's refund_id once it answered.</summary>
    public string? GatewayRefundId { get; set; }

    public string OutRefundNo => Id.ToString("N");
}

internal sealed class BalanceRefundConfiguration : IEntityTypeConfiguration<BalanceRefund>
{
    public void Configure(EntityTypeBuilder<BalanceRefund> builder)
    {
        builder.ToTable("payments_wallet_refunds");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.GatewayRefundId).HasMaxLength(64);
        builder.Ignore(r => r.OutRefundNo);
        builder.HasIndex(r => new { r.CustomerId, r.Status });
        builder.HasIndex(r => r.TopUpId);
        builder.HasOne<WalletTopUp>().WithMany().HasForeignKey(r => r.TopUpId);
    }
}
