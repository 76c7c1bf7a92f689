using Kaifan.Contracts;
using Kaifan.Dispatch.Zones;

namespace Kaifan.Dispatch.Batches;

/// <summary>
/// A campus batch line's departure as runs: the orders released at one departure go to one building cluster, so a
/// rider collects them from every shop involved (nearest shop first) and delivers them in one trip, instead of one
/// rider per shop as the optimiser's single-shop bundles would. Each run is as large as its rider can carry; a run
/// needs a rider who may take every order in it (stairs, refusals) and whose range covers the trip. Pure.
/// </summary>
internal static class BatchRuns
{
    /// <summary>Drop-offs further apart than this are different clusters even when they leave at the same minute.</summary>
    public const double ClusterMetres = 300;

    public static List<OfferDecision> Plan(IReadOnlyList<ZoneOrder> released, IReadOnlyList<ZoneRider> riders, double roadFactor)
    {
        var decisions = new List<OfferDecision>();
        var free = riders.Where(r => r.SpareCapacity > 0).ToList();
        foreach (var cluster in Clusters(released))
        {
            var left = cluster.ToList();
            while (left.Count > 0 && free.Count > 0)
            {
                var pick = free
                    .Select(r => (Rider: r, Run: RunFor(r, left)))
                    .Where(c => c.Run.Count > 0 && RouteKm(c.Rider.Position, c.Run) * roadFactor <= c.Rider.RangeKm)
                    .OrderByDescending(c => c.Run.Count)
                    .ThenBy(c => Km(c.Rider.Position, Shop(c.Run[0])) / c.Rider.SpeedKmh)
                    .FirstOrDefault();
                if (pick.Run is null)
                {
                    break;
                }

                free.Remove(pick.Rider);
                left.RemoveAll(o => pick.Run.Contains(o));
                var minutes = Km(pick.Rider.Position, Shop(pick.Run[0])) * roadFactor / pick.Rider.SpeedKmh * 60;
                decisions.Add(new OfferDecision(pick.Rider.RiderId, pick.Run.Select(o => o.Ticket.OrderId).ToList(), minutes));
            }
        }

        return decisions;
    }

    /// <summary>Orders leaving at the same instant to drop-offs within <see cref="ClusterMetres"/> of the first one.</summary>
    private static IEnumerable<List<ZoneOrder>> Clusters(IReadOnlyList<ZoneOrder> released)
    {
        foreach (var departure in released.GroupBy(o => o.Ticket.HoldUntil).OrderBy(g => g.Key))
        {
            var left = departure.OrderBy(o => o.Ticket.PlacedAt).ToList();
            while (left.Count > 0)
            {
                var seed = DropOff(left[0]);
                var cluster = left.Where(o => seed.DistanceMetresTo(DropOff(o)) <= ClusterMetres).ToList();
                left.RemoveAll(cluster.Contains);
                yield return cluster;
            }
        }
    }

    /// <summary>What this rider may take, earliest orders first, visited shop by shop from the rider's position.</summary>
    private static List<ZoneOrder> RunFor(ZoneRider rider, List<ZoneOrder> orders)
    {
        var allowed = orders
            .Where(o => !o.RefusedBy.Contains(rider.RiderId) && (rider.AcceptsStairs || !o.Ticket.StairsNoLift))
            .Take(rider.SpareCapacity)
            .ToList();
        var route = new List<ZoneOrder>();
        var at = rider.Position;
        while (allowed.Count > 0)
        {
            var here = at;
            var shop = allowed.MinBy(o => here.DistanceMetresTo(Shop(o)))!.Ticket.MerchantId;
            var fromShop = allowed.Where(o => o.Ticket.MerchantId == shop).ToList();
            route.AddRange(fromShop);
            allowed.RemoveAll(fromShop.Contains);
            at = Shop(fromShop[0]);
        }

        return route;
    }

    /// <summary>Rider → each shop in run order → the cluster's drop-offs in run order, straight lines.</summary>
    private static double RouteKm(GeoPoint from, List<ZoneOrder> run)
    {
        var stops = run.Select(Shop).Distinct().Concat(run.Select(DropOff)).ToList();
        var km = 0.0;
        foreach (var stop in stops)
        {
            km += Km(from, stop);
            from = stop;
        }

        return km;
    }

    private static double Km(GeoPoint a, GeoPoint b) => a.DistanceMetresTo(b) / 1000;

    private static GeoPoint Shop(ZoneOrder o) => new(o.Ticket.MerchantLatitude, o.Ticket.MerchantLongitude);

    private static GeoPoint DropOff(ZoneOrder o) => new(o.Ticket.DropOffLatitude, o.Ticket.DropOffLongitude);
}
