using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Payments;

internal enum PaymentStatus
{
    Pending,
    Succeeded,
    Refunding,
    Refunded,
    Closed,
}

/// <summary>One attempt to collect an order's money through a gateway; only the gateway ever sees how the customer pays.</summary>
internal sealed class PaymentIntent
{
    public Guid Id { get; init; }

    public Guid OrderId { get; init; }

    public Guid CustomerId { get; init; }

    public long AmountFen { get; init; }

    public required string Channel { get; init; }

    public PaymentStatus Status { get; set; }

    public required string GatewayPrepayId { get; init; }

    public string? GatewayTransactionId { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? PaidAt { get; set; }

    public DateTimeOffset? RefundedAt { get; set; }

    public int Version { get; set; }

    /// <summary>The merchant order number we give the gateway (WeChat's out_trade_no): our id without dashes.</summary>
    public string OutTradeNo => Id.ToString("N");
}

internal sealed class PaymentIntentConfiguration : IEntityTypeConfiguration<PaymentIntent>
{
    public void Configure(EntityTypeBuilder<PaymentIntent> builder)
    {
        builder.ToTable("payments_intents");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Channel).HasMaxLength(16);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.GatewayPrepayId).HasMaxLength(64);
        builder.Property(p => p.GatewayTransactionId).HasMaxLength(64);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.OutTradeNo);

        // One live intent per order; a closed one may be followed by a new attempt.
        builder.HasIndex(p => p.OrderId).IsUnique().HasFilter("\"Status\" <> 'Closed'");
        builder.HasIndex(p => p.CustomerId);
        builder.HasIndex(p => p.GatewayPrepayId).IsUnique();
    }
}
