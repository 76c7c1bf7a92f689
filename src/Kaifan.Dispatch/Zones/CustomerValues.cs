using Kaifan.Contracts.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Dispatch.Zones;

/// <summary>One placed order's value, kept by Dispatch to rank a zone's customers (top 20% by 30-day value).</summary>
internal sealed class CustomerOrderValue
{
    public Guid OrderId { get; init; }
    public Guid CustomerId { get; init; }
    public Guid ZoneId { get; init; }
    public long TotalFen { get; init; }
    public DateTimeOffset PlacedAt { get; init; }
}

internal sealed class CustomerOrderValueConfiguration : IEntityTypeConfiguration<CustomerOrderValue>
{
    public void Configure(EntityTypeBuilder<CustomerOrderValue> value)
    {
        value.ToTable("dispatch_customer_order_values");
        value.HasKey(v => v.OrderId);
        value.Property(v => v.OrderId).ValueGeneratedNever();
        value.HasIndex(v => new { v.ZoneId, v.PlacedAt });
    }
}

/// <summary>Records each placed order's value once; a repeated event finds the row and changes nothing.</summary>
public static class OrderPlacedValueHandler
{
    public static async Task Handle(OrderPlaced placed, DispatchDb db, CancellationToken ct)
    {
        if (await db.CustomerOrderValues.AnyAsync(v => v.OrderId == placed.OrderId, ct))
        {
            return;
        }

        db.CustomerOrderValues.Add(new CustomerOrderValue
        {
            OrderId = placed.OrderId,
            CustomerId = placed.CustomerId,
            ZoneId = placed.ZoneId,
            TotalFen = placed.TotalFen,
            PlacedAt = placed.PlacedAt,
        });
        await db.SaveChangesAsync(ct);
    }
}

internal static class CustomerValues
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(30);

    /// <summary>The top 20% (at least one) of the zone's customers by order value over the window; ties by id, so the set is stable.</summary>
    public static async Task<IReadOnlySet<Guid>> TopCustomersAsync(DispatchDb db, Guid zoneId, DateTimeOffset now)
    {
        var since = now - Window;
        var rows = await db.CustomerOrderValues.AsNoTracking()
            .Where(v => v.ZoneId == zoneId && v.PlacedAt >= since)
            .Select(v => new { v.CustomerId, v.TotalFen })
            .ToListAsync();
        var ranked = rows.GroupBy(r => r.CustomerId)
            .Select(g => (Customer: g.Key, Value: g.Sum(r => r.TotalFen)))
            .OrderByDescending(c => c.Value).ThenBy(c => c.Customer)
            .ToList();
        return Top(ranked);
    }

    public static IReadOnlySet<Guid> Top(IReadOnlyList<(Guid Customer, long Value)> ranked) =>
        ranked.Take((int)Math.Ceiling(ranked.Count * 0.2)).Select(c => c.Customer).ToHashSet();
}
