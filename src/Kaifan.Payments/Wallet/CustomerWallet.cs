using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Payments.Wallet;

/// <summary>
/// A customer's 余额. BalanceFen only ever moves by one conditional UPDATE in the transaction that writes the matching
/// ledger entry, so it always equals the sum of the entries and never goes below zero.
/// </summary>
internal sealed class CustomerWallet
{
    public Guid CustomerId { get; init; }

    public long BalanceFen { get; set; }

    /// <summary>Set when the customer erased their account: a top-up paid later goes back to the payer, it is credited to no one.</summary>
    public DateTimeOffset? ClosedAt { get; set; }
}

internal enum WalletEntryKind
{
    TopUp,
    Payment,
    Refund,

    /// <summary>余额退回: − when the customer takes the balance back to WeChat.</summary>
    Withdrawal,

    /// <summary>+ when a part of a 退回 failed at the gateway and its money came back to the balance.</summary>
    WithdrawalFailed,
}

/// <summary>
/// One movement of the balance, never changed: + for 充值, refunds to the balance and failed 退回 parts, − for 余额支付 and
/// 余额退回. SourceId is the top-up, payment, refund, 退回 or 退回 part it stems from, unique per kind, so a retried message
/// or callback cannot book it twice. Id counts up in the order entries are written: times alone can tie.
/// </summary>
internal sealed class WalletEntry
{
    public long Id { get; init; }

    public Guid CustomerId { get; init; }

    public WalletEntryKind Kind { get; init; }

    public long AmountFen { get; init; }

    public Guid SourceId { get; init; }

    public DateTimeOffset At { get; init; }
}

internal sealed class CustomerWalletConfiguration : IEntityTypeConfiguration<CustomerWallet>
{
    public void Configure(EntityTypeBuilder<CustomerWallet> builder)
    {
        builder.ToTable("payments_wallets", t => t.HasCheckConstraint("CK_payments_wallets_balance", "\"BalanceFen\" >= 0"));
        builder.HasKey(w => w.CustomerId);
    }
}

internal sealed class WalletEntryConfiguration : IEntityTypeConfiguration<WalletEntry>
{
    public void Configure(EntityTypeBuilder<WalletEntry> builder)
    {
        builder.ToTable("payments_wallet_entries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(e => new { e.Kind, e.SourceId }).IsUnique();
        builder.HasIndex(e => new { e.CustomerId, e.At });
    }
}
