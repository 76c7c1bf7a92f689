using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Ordering.Orders;

internal sealed record ExportedOption(Guid Id, string Name);

internal sealed record ExportedLine(Guid ItemId, string Name, IReadOnlyList<ExportedOption> Options, long UnitPriceFen, int Quantity, long LineTotalFen);

/// <summary>Where the order went, as it was when placed (the snapshot, not today's saved address).</summary>
internal sealed record ExportedDeliveryAddress(string ContactName, string Phone, string Detail, double Latitude, double Longitude, bool StairsNoLift);

internal sealed record OrderExport(
    Guid Id,
    string Number,
    string Status,
    Guid MerchantId,
    string ShopName,
    IReadOnlyList<ExportedLine> Items,
    long ItemsTotalFen,
    long PackagingFeeFen,
    long DeliveryFeeFen,
    long ServiceFeeFen,
    long DiscountFen,
    long ShopDiscountFen,
    long TotalFen,
    Guid? CouponId,
    string ServiceTier,
    ExportedDeliveryAddress Address,
    string? LockerName,
    string? Note,
    int CutleryCount,
    bool SpecialCare,
    DateTimeOffset PlacedAt,
    DateTimeOffset? PaidAt,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? PickedUpAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? CancelledAt,
    string? CancelReason,
    DateTimeOffset? RefundedAt,
    string? DeliveryExceptionKind,
    string? DeliveryExceptionNote);

/// <summary>Every order the customer placed, oldest first, with the delivery address snapshot decrypted.</summary>
internal sealed class OrdersDataExport(OrderingDb db, IPersonalDataProtector protector) : IPersonalDataExport
{
    public string Section => "orders";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken ct)
    {
        var orders = await db.Orders.AsNoTracking().Where(o => o.CustomerId == userId).ToListAsync(ct);
        return orders.OrderBy(o => o.PlacedAt).ThenBy(o => o.Number).Select(Export).ToList();
    }

    private OrderExport Export(Order o) => new(
        o.Id,
        o.Number,
        o.Status.ToString(),
        o.MerchantId,
        o.MerchantName,
        o.Lines.Select(l => new ExportedLine(
            l.ItemId, l.Name, l.Options.Select(c => new ExportedOption(c.Id, c.Name)).ToList(), l.UnitPriceFen, l.Quantity, l.LineTotalFen)).ToList(),
        o.ItemsTotalFen,
        o.PackagingFeeFen,
        o.DeliveryFeeFen,
        o.ServiceFeeFen,
        o.DiscountFen,
        o.ShopDiscountFen,
        o.TotalFen,
        o.CouponId,
        ServiceTierNames.Of(o.ServiceTier),
        new ExportedDeliveryAddress(
            protector.Unprotect(o.ContactNameProtected), protector.Unprotect(o.PhoneProtected), protector.Unprotect(o.AddressDetailProtected),
            o.Latitude, o.Longitude, o.StairsNoLift),
        o.LockerName,
        o.Note,
        o.CutleryCount,
        o.SpecialCare,
        o.PlacedAt,
        o.PaidAt,
        o.AcceptedAt,
        o.PickedUpAt,
        o.DeliveredAt,
        o.CancelledAt,
        o.CancelReason,
        o.RefundedAt,
        o.ExceptionKind,
        o.ExceptionNote);
}
