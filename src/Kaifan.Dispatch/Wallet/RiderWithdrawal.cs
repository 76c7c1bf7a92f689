using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Dispatch.Wallet;

internal enum WithdrawalStatus
{
    /// <summary>处理中: held back from the balance, the transfer on its way.</summary>
    Pending,

    /// <summary>已到账.</summary>
    Paid,

    /// <summary>失败(已退回): the amount counts in the balance again.</summary>
    Failed,
}

/// <summary>
/// One 提现 of a rider's settled earnings. It holds its amount back from the balance from the moment it is written, so
/// the balance is settled earnings minus every withdrawal that has not failed. The Idempotency-Key the app sent is kept
/// on the row: a retry with it finds this withdrawal instead of making a second.
/// </summary>
internal sealed class RiderWithdrawal
{
    public Guid Id { get; init; }
    public Guid RiderId { get; init; }
    public long AmountFen { get; init; }
    public required string IdempotencyKey { get; init; }
    public WithdrawalStatus Status { get; set; }
    public DateTimeOffset RequestedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>The gateway's transfer bill number once paid, or its reason once failed.</summary>
    public string? GatewayNote { get; set; }
}

internal sealed class RiderWithdrawalConfiguration : IEntityTypeConfiguration<RiderWithdrawal>
{
    public void Configure(EntityTypeBuilder<RiderWithdrawal> withdrawal)
    {
        withdrawal.ToTable("dispatch_rider_withdrawals");
        withdrawal.HasKey(w => w.Id);
        withdrawal.Property(w => w.Id).ValueGeneratedNever();
        withdrawal.Property(w => w.IdempotencyKey).HasMaxLength(64);
        withdrawal.Property(w => w.Status).HasConversion<string>().HasMaxLength(16);
        withdrawal.Property(w => w.GatewayNote).HasMaxLength(200);
        withdrawal.HasIndex(w => new { w.RiderId, w.IdempotencyKey }).IsUnique();
        withdrawal.HasIndex(w => new { w.RiderId, w.RequestedAt });

        // The ops list across riders, newest first, with or without a status.
        withdrawal.HasIndex(w => w.RequestedAt);
        withdrawal.HasIndex(w => new { w.Status, w.RequestedAt });
    }
}
