using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Payments.Sandbox;

/// <summary>One transfer to a WeChat user's change (商家转账) on the gateway's ledger, finished SUCCESS or FAIL.</summary>
internal sealed class SandboxTransfer
{
    public required string OutBillNo { get; init; }

    public required string TransferBillNo { get; init; }

    public required string OpenId { get; init; }

    public long AmountFen { get; init; }

    public required string State { get; init; }

    public string? FailReason { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class SandboxTransferConfiguration : IEntityTypeConfiguration<SandboxTransfer>
{
    public void Configure(EntityTypeBuilder<SandboxTransfer> builder)
    {
        builder.ToTable("payments_sandbox_transfers");
        builder.HasKey(t => t.OutBillNo);
        builder.Property(t => t.OutBillNo).HasMaxLength(32);
        builder.Property(t => t.TransferBillNo).HasMaxLength(64);
        builder.Property(t => t.OpenId).HasMaxLength(64);
        builder.Property(t => t.State).HasMaxLength(16);
        builder.Property(t => t.FailReason).HasMaxLength(64);
    }
}
