using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Kaifan.Ordering.Orders;
using Microsoft.AspNetCore.Http;

namespace Kaifan.Ordering.Placement;

/// <summary>What the customer chose at checkout beyond the cart: special care, the service tier, door or locker.</summary>
internal sealed record CheckoutChoice(bool SpecialCare, ServiceTier Tier, LockerInfo? Locker)
{
    public static readonly CheckoutChoice Standard = new(false, ServiceTier.Standard, null);

    public long ServiceFeeFen => Tier == ServiceTier.Guaranteed ? Guarantee.FeeFen : 0;
}

/// <summary>Resolves the choice against the zone: the locker must exist in the merchant's zone; a batch order must fall inside one of its lines.</summary>
internal sealed class Checkout(ILockerDirectory lockers, IBatchLines lines)
{
    public async Task<(CheckoutChoice? Choice, IResult? Error)> ResolveAsync(
        Guid zoneId, bool specialCare, string? tier, string? delivery, Guid? lockerId, CancellationToken ct)
    {
        LockerInfo? locker = null;
        if (delivery == "locker")
        {
            locker = await lockers.GetAsync(lockerId!.Value, ct);
            if (locker is null)
            {
                return (null, OrderingProblems.NotFound("外卖柜", "lockerId"));
            }

            if (locker.ZoneId != zoneId)
            {
                return (null, Problems.Unprocessable("外卖柜不在商家的配送区域 (the locker is outside the merchant's zone)", "lockerId"));
            }
        }

        var serviceTier = tier switch
        {
            "guaranteed" => ServiceTier.Guaranteed,
            "batch" => ServiceTier.Batch,
            _ => ServiceTier.Standard,
        };
        return (new CheckoutChoice(specialCare, serviceTier, locker), null);
    }

    /// <summary>Checked once the drop-off is known (the address's, or the locker's).</summary>
    public async Task<IResult?> BatchBlockerAsync(CheckoutChoice choice, Guid zoneId, GeoPoint dropOff, CancellationToken ct) =>
        choice.Tier == ServiceTier.Batch && await lines.FindAsync(zoneId, dropOff, ct) is null
            ? Problems.Unprocessable("送达地点不在任何校园拼单专线内 (the drop-off is outside every campus batch line)", "serviceTier")
            : null;
}
