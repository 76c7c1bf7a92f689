namespace Kaifan.Dispatch.Optimisation;

/// <summary>A merchant's recent demand: where it is and how many orders it received per hour lately.</summary>
internal sealed record DemandSpot(Point Merchant, double OrdersPerHour);

/// <summary>
/// What a rider is worth where they stand: the recent demand of the merchants they could reach quickly, shared with
/// the other riders who could too. Riders wait where their last drop-off left them, so sending the only rider near a
/// busy merchant across town leaves that merchant's next order waiting; pricing it lets a rider with fewer prospects
/// take the order instead.
/// </summary>
internal static class ReserveValue
{
    private const int ReserveShiftLeftMinutes = 60;

    public static Dictionary<string, double> Of(IReadOnlyList<DemandSpot>? demand, RiderState[] riders, int pendingOrders, int clock,
        TravelModel travel, DispatchSettings settings)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        if (demand is null || demand.Count == 0 || settings.ReserveWeight <= 0) return result;

        var soon = clock + settings.ReserveFreeWithinMinutes;
        // A rider whose shift ends within the hour serves little of the demand to come: worth nothing in reserve.
        var covering = riders.Where(r => r.FreeAt <= soon && r.ShiftEnd - clock >= ReserveShiftLeftMinutes).ToArray();
        // Without more riders free soon than orders waiting, there is no one to keep back.
        if (covering.Length <= pendingOrders) return result;
        foreach (var spot in demand)
        {
            var near = covering.Where(r => travel.Minutes(r.FreePlace, spot.Merchant, r.Speed) <= settings.ReserveReachMinutes).ToArray();
            foreach (var r in near)
                result[r.Id] = result.GetValueOrDefault(r.Id) + spot.OrdersPerHour / near.Length;
        }

        return result;
    }
}
