using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Payments.Sandbox;

internal enum SandboxTradeState
{
    NotPay,
    Success,
    Refund,
}

/// <summary>The gateway's side of a payment, kept apart from our intents as a real gateway's ledger would be.</summary>
internal sealed class SandboxTransaction
{
    public required string PrepayId { get; init; }

    public required string OutTradeNo { get; init; }

    public long AmountFen { get; init; }

    public required string Description { get; init; }

    /// <summary>Where the merchant asked to be told (WeChat's notify_url), as a path on the notify base URL.</summary>
    public required string NotifyPath { get; init; }

    public SandboxTradeState State { get; set; }

    public string? TransactionId { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? PaidAt { get; set; }

    public string? OutRefundNo { get; set; }

    public string? RefundId { get; set; }

    public long? RefundFen { get; set; }

    public DateTimeOffset? RefundedAt { get; set; }

    public int Version { get; set; }
}

internal sealed class SandboxTransactionConfiguration : IEntityTypeConfiguration<SandboxTransaction>
{
    public void Configure(EntityTypeBuilder<SandboxTransaction> builder)
    {
        builder.ToTable("payments_sandbox_transactions");
        builder.HasKey(t => t.PrepayId);
        builder.Property(t => t.PrepayId).HasMaxLength(64);
        builder.Property(t => t.OutTradeNo).HasMaxLength(32);
        builder.Property(t => t.Description).HasMaxLength(128);
        builder.Property(t => t.NotifyPath).HasMaxLength(200);
        builder.Property(t => t.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.TransactionId).HasMaxLength(64);
        builder.Property(t => t.OutRefundNo).HasMaxLength(64);
        builder.Property(t => t.RefundId).HasMaxLength(64);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasIndex(t => t.OutTradeNo).IsUnique();
    }
}
