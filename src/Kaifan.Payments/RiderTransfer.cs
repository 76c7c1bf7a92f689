using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Payments;

internal enum TransferStatus
{
    Pending,
    Succeeded,
    Failed,
}

/// <summary>
/// A rider's 提现 on its way to their WeChat change (商家转账到零钱). Its Id is the withdrawal's, and its bill number for
/// the gateway, so a repeated request never pays twice.
/// </summary>
internal sealed class RiderTransfer
{
    public Guid Id { get; init; }

    public Guid RiderId { get; init; }

    public long AmountFen { get; init; }

    /// <summary>Who receives it at the gateway: the rider's openid under our app id.</summary>
    public required string OpenId { get; init; }

    public TransferStatus Status { get; set; }

    public DateTimeOffset RequestedAt { get; init; }

    /// <summary>
    /// When the submission last claimed it to call the gateway; null while it never has. The unknown-bill grace counts from
    /// here, not from RequestedAt: a submission replayed from the dead letters, or one after a long outage, starts it again.
    /// </summary>
    public DateTimeOffset? SubmittedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>The gateway's transfer_bill_no once it answered.</summary>
    public string? TransferBillNo { get; set; }

    public string? FailReason { get; set; }

    /// <summary>
    /// Two copies of the gateway's callback may arrive at once; only one of them finishes the transfer. A submission's claim
    /// moves it too, so a query that read the transfer before the claim cannot fail it.
    /// </summary>
    public int Version { get; set; }

    /// <summary>The bill number we give the gateway (WeChat's out_bill_no).</summary>
    public string OutBillNo => Id.ToString("N");

    /// <summary>
    /// Riders sign in by phone and bind no WeChat account in Kaifan yet; the sandbox pays a stable openid made from the
    /// rider's id. A real gateway needs the openid the rider's WeChat authorisation gave.
    /// </summary>
    public static string SandboxOpenIdOf(Guid riderId) => "o" + riderId.ToString("N");
}

internal sealed class RiderTransferConfiguration : IEntityTypeConfiguration<RiderTransfer>
{
    public void Configure(EntityTypeBuilder<RiderTransfer> builder)
    {
        builder.ToTable("payments_rider_transfers");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.OpenId).HasMaxLength(64);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.TransferBillNo).HasMaxLength(64);
        builder.Property(t => t.FailReason).HasMaxLength(200);
        builder.Ignore(t => t.OutBillNo);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasIndex(t => new { t.Status, t.SubmittedAt });
    }
}
