using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Payments.Sandbox;

internal enum SandboxRefundStatus
{
    Success,

    /// <summary>The money could not go back; 发起异常退款 may pay it (then Success).</summary>
    Abnormal,
}

/// <summary>One refund on the gateway's ledger; a transaction may be refunded in several parts up to what it collected.</summary>
internal sealed class SandboxRefund
{
    public required string OutRefundNo { get; init; }

    public required string OutTradeNo { get; init; }

    public required string RefundId { get; init; }

    public long AmountFen { get; init; }

    public DateTimeOffset RefundedAt { get; set; }

    public SandboxRefundStatus Status { get; set; }

    /// <summary>Where its callbacks go, 发起异常退款's too.</summary>
    public string? NotifyPath { get; init; }
}

internal sealed class SandboxRefundConfiguration : IEntityTypeConfiguration<SandboxRefund>
{
    public void Configure(EntityTypeBuilder<SandboxRefund> builder)
    {
        builder.ToTable("payments_sandbox_refunds");
        builder.HasKey(r => r.OutRefundNo);
        builder.Property(r => r.OutRefundNo).HasMaxLength(64);
        builder.Property(r => r.OutTradeNo).HasMaxLength(32);
        builder.Property(r => r.RefundId).HasMaxLength(64);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.NotifyPath).HasMaxLength(200);
        builder.HasIndex(r => r.OutTradeNo);
    }
}
