using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Payments.Wallet;

internal enum TopUpStatus
{
    Pending,
    Credited,

    /// <summary>Not paid by ExpiresAt (已失效): money that still arrives goes back to the payer.</summary>
    Expired,

    /// <summary>Paid after it expired or after its customer left: refunded whole to the payer, never credited.</summary>
    Returned,
}

/// <summary>
/// 充值: money paid in through the gateway like an order's, credited to the balance once its callback arrives, if it
/// arrives before ExpiresAt (when <see cref="TopUpExpiryHandler"/> ends it) and while the customer still has an account.
/// </summary>
internal sealed class WalletTopUp
{
    public Guid Id { get; init; }

    public Guid CustomerId { get; init; }

    public long AmountFen { get; init; }

    public TopUpStatus Status { get; set; }

    public required string GatewayPrepayId { get; init; }

    public string? GatewayTransactionId { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? CreditedAt { get; set; }
}

internal sealed class WalletTopUpConfiguration : IEntityTypeConfiguration<WalletTopUp>
{
    public void Configure(EntityTypeBuilder<WalletTopUp> builder)
    {
        builder.ToTable("payments_wallet_top_ups");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.GatewayPrepayId).HasMaxLength(64);
        builder.Property(t => t.GatewayTransactionId).HasMaxLength(64);
        builder.HasIndex(t => t.CustomerId);
        builder.HasIndex(t => t.GatewayPrepayId).IsUnique();
    }
}
