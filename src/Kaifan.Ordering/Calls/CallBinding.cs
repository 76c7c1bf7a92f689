using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Ordering.Calls;

/// <summary>The three parties of an order who may call each other through a relay number, as the API names them.</summary>
internal static class CallParties
{
    public const string Customer = "customer";
    public const string Rider = "rider";
    public const string Merchant = "merchant";

    public static readonly IReadOnlyList<string> All = [Customer, Rider, Merchant];
}

/// <summary>
/// 号码保护: one relay binding the carrier made for an order, kept as the call log disputes are settled with (who asked,
/// whom for, which relay number, how long it lived). The callee's real phone is kept encrypted only, and becomes the
/// erasure tombstone when the customer it belongs to erases their account.
/// </summary>
internal sealed class CallBinding
{
    public Guid Id { get; init; }
    public Guid OrderId { get; init; }

    /// <summary>The order's customer, whose export and erasure cover the binding whichever side they were on.</summary>
    public Guid CustomerId { get; init; }
    public required string CallerParty { get; init; }

    /// <summary>The user who asked: a customer, a rider's account or a merchant's staff member.</summary>
    public Guid CallerUserId { get; init; }
    public required string CalleeParty { get; init; }

    /// <summary>The customer's, the rider's or the merchant's id: a binding made for a rider since replaced is not reused.</summary>
    public Guid CalleeId { get; init; }
    public required string CalleePhoneProtected { get; set; }
    public required string RelayNumber { get; init; }
    public required string Extension { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; set; }
}

internal sealed class CallBindingConfiguration : IEntityTypeConfiguration<CallBinding>
{
    public void Configure(EntityTypeBuilder<CallBinding> binding)
    {
        binding.ToTable("ordering_call_bindings");
        binding.HasKey(b => b.Id);
        binding.Property(b => b.CallerParty).HasMaxLength(16);
        binding.Property(b => b.CalleeParty).HasMaxLength(16);
        binding.Property(b => b.CalleePhoneProtected).HasMaxLength(200);
        binding.Property(b => b.RelayNumber).HasMaxLength(20);
        binding.Property(b => b.Extension).HasMaxLength(8);
        binding.HasIndex(b => new { b.OrderId, b.CallerUserId, b.CalleeParty });
        binding.HasIndex(b => b.CustomerId);
    }
}
