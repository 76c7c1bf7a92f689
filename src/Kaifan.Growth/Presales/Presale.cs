using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Growth.Presales;

internal enum PresaleStatus
{
    Open,
    Confirmed,
    Cancelled,

    /// <summary>The shop (or the operator) stopped it before it was decided: every order cancelled, the paid refunded.</summary>
    Stopped,
}

/// <summary>
/// 预售接龙: one of a merchant's dishes at a pre-sale price for a later day's slot. Customers join (and pay) until
/// CutoffAt; then it goes ahead if Joined reached MinimumQuantity, else every order is refunded. Taken counts portions
/// held by orders, paid or not, and only rises through a conditional update, so it never passes Stock; Joined counts
/// the paid portions. Every change moves Version, so the cut-off never overtakes a join or a leave unseen.
/// </summary>
internal sealed class Presale
{
    public Guid Id { get; init; }
    public Guid MerchantId { get; init; }
    public Guid ItemId { get; init; }

    /// <summary>The shop's zone when the chain was created, so the home page finds a zone's chains without asking Catalog.</summary>
    public Guid ZoneId { get; init; }
    public required string MerchantName { get; init; }

    /// <summary>The dish as sold, its fixed options included: 牛肉炒拉面（大份·微辣）.</summary>
    public required string ItemName { get; init; }

    /// <summary>The options the shop fixed for the chain; every order's line carries exactly these.</summary>
    public List<Guid> OptionIds { get; init; } = [];

    /// <summary>The dish's list price with the fixed options' deltas.</summary>
    public long ListPriceFen { get; init; }
    public long PriceFen { get; init; }
    public int Stock { get; init; }
    public int Taken { get; init; }
    public int Joined { get; private set; }
    public int PerCustomerLimit { get; init; }
    public int MinimumQuantity { get; init; }
    public DateTimeOffset CutoffAt { get; init; }

    /// <summary>The slot's start; the orders reach the shop at ReleaseAt, PrepMinutes before it.</summary>
    public DateTimeOffset DeliverAt { get; init; }
    public int SlotMinutes { get; init; }
    public int PrepMinutes { get; init; }
    public DateTimeOffset ReleaseAt { get; init; }
    public string? Note { get; init; }
    public PresaleStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public DateTimeOffset? ReleasedAt { get; private set; }
    public int Version { get; private set; }

    public bool IsJoinableAt(DateTimeOffset now) => Status == PresaleStatus.Open && now < CutoffAt;

    public void CountPaid(int quantity)
    {
        Joined += quantity;
        Version++;
    }

    /// <summary>True when the minimum was reached and the chain goes ahead.</summary>
    public bool Decide(DateTimeOffset at)
    {
        Status = Joined >= MinimumQuantity ? PresaleStatus.Confirmed : PresaleStatus.Cancelled;
        DecidedAt = at;
        Version++;
        return Status == PresaleStatus.Confirmed;
    }

    public void MarkReleased(DateTimeOffset at)
    {
        ReleasedAt = at;
        Version++;
    }

    /// <summary>open (taking entries), closed (cut-off passed, not decided yet), confirmed, released, cancelled or stopped.</summary>
    public string StatusAt(DateTimeOffset now) => Status switch
    {
        PresaleStatus.Open => now < CutoffAt ? "open" : "closed",
        PresaleStatus.Confirmed => ReleasedAt is null ? "confirmed" : "released",
        PresaleStatus.Stopped => "stopped",
        _ => "cancelled",
    };
}

/// <summary>One customer's place in the chain, held by one order (its id is the order's); PaidAt once paid.</summary>
internal sealed class PresaleEntry
{
    public Guid OrderId { get; init; }
    public Guid PresaleId { get; init; }
    public Guid CustomerId { get; set; }
    public int Quantity { get; init; }

    /// <summary>What everyone sees (张**); null once the customer's account is erased.</summary>
    public string? MaskedName { get; set; }
    public DateTimeOffset JoinedAt { get; init; }
    public DateTimeOffset? PaidAt { get; set; }
}

internal sealed class PresaleConfiguration : IEntityTypeConfiguration<Presale>
{
    public void Configure(EntityTypeBuilder<Presale> presale)
    {
        presale.ToTable("growth_presales");
        presale.HasKey(p => p.Id);
        presale.Property(p => p.Id).ValueGeneratedNever();
        presale.Property(p => p.ItemName).HasMaxLength(PresaleRules.ItemNameLength);
        presale.Property(p => p.OptionIds).HasConversion(
                ids => string.Join(',', ids),
                stored => stored.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList(),
                new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<Guid>>(
                    (a, b) => a!.SequenceEqual(b!), ids => ids.Aggregate(0, (h, id) => HashCode.Combine(h, id.GetHashCode())), ids => ids.ToList()))
            .HasMaxLength(PresaleRules.MaxOptions * 37);
        presale.Property(p => p.MerchantName).HasMaxLength(100);
        presale.Property(p => p.Note).HasMaxLength(PresaleRules.NoteLength);
        presale.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        presale.Property(p => p.Version).IsConcurrencyToken();
        presale.HasIndex(p => new { p.MerchantId, p.Status });
        presale.HasIndex(p => new { p.ZoneId, p.Status, p.CutoffAt });
    }
}

internal sealed class PresaleEntryConfiguration : IEntityTypeConfiguration<PresaleEntry>
{
    public void Configure(EntityTypeBuilder<PresaleEntry> entry)
    {
        entry.ToTable("growth_presale_entries");
        entry.HasKey(e => e.OrderId);
        entry.Property(e => e.OrderId).ValueGeneratedNever();
        entry.Property(e => e.MaskedName).HasMaxLength(16);
        entry.HasIndex(e => new { e.PresaleId, e.CustomerId }).IsUnique();
        entry.HasIndex(e => e.CustomerId);
    }
}

internal static class PresaleRules
{
    public const int MaxStock = 9999;
    public const int MaxPerCustomer = 99;
    public const int NoteLength = 100;
    public const int ItemNameLength = 200;
    public const int MaxOptions = 10;
    public const int MaxDaysAhead = 30;
    public const int DefaultPrepMinutes = 20;
    public const string Field = "presaleId";
}
