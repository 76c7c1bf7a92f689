using Kaifan.Contracts;

namespace Kaifan.Dispatch.Zones;

internal sealed record PolicyJob(
    Guid OrderId, Guid MerchantId, GeoPoint Merchant, GeoPoint DropOff, DateTimeOffset ReadyEstimate, bool StairsNoLift, IReadOnlySet<Guid> RefusedBy);

/// <summary>A rider free to receive an offer now: no open offer, SpareCapacity = capacity minus orders carried.</summary>
internal sealed record PolicyRider(Guid RiderId, GeoPoint Position, double SpeedKmh, int SpareCapacity, double RangeKm, bool AcceptsStairs);

internal sealed record PolicySnapshot(DateTimeOffset Now, IReadOnlyList<PolicyJob> Jobs, IReadOnlyList<PolicyRider> Riders, double RoadFactor, TimeSpan BundleWindow);

/// <summary>One offer: a bundle of one merchant's orders for one rider, drop-offs in the listed order.</summary>
internal sealed record OfferDecision(Guid RiderId, IReadOnlyList<Guid> OrderIds, double MinutesToMerchant);

/// <summary>
/// Dispatch policy v1, a pure function: the nearest suitable rider by travel time (straight line × road factor ÷
/// speed) gets each bundle, most urgent bundle first. A bundle is one merchant's orders ready within the bundle
/// window of its first; a rider takes as many as their spare capacity, stairs ability and range allow, the rest
/// goes to the next rider. At most one offer per rider per round; no order goes to a rider who refused it.
/// </summary>
internal static class OfferPolicy
{
    public static IReadOnlyList<OfferDecision> Decide(PolicySnapshot snapshot)
    {
        var free = snapshot.Riders.Where(r => r.SpareCapacity > 0).ToList();
        var queue = new LinkedList<List<PolicyJob>>(Bundles(snapshot.Jobs, snapshot.BundleWindow));
        var offers = new List<OfferDecision>();
        while (queue.First is { } first && free.Count > 0)
        {
            queue.RemoveFirst();
            var bundle = first.Value;
            (PolicyRider Rider, List<PolicyJob> Take, double Minutes)? best = null;
            foreach (var rider in free)
            {
                var take = Fit(rider, bundle, snapshot.RoadFactor);
                if (take.Count == 0)
                {
                    continue;
                }

                var minutes = Minutes(rider.Position, bundle[0].Merchant, rider.SpeedKmh, snapshot.RoadFactor);
                if (best is null || minutes < best.Value.Minutes || (minutes == best.Value.Minutes && take.Count > best.Value.Take.Count))
                {
                    best = (rider, take, minutes);
                }
            }

            if (best is not { } chosen)
            {
                continue;
            }

            offers.Add(new OfferDecision(chosen.Rider.RiderId, chosen.Take.Select(j => j.OrderId).ToList(), chosen.Minutes));
            free.Remove(chosen.Rider);
            var rest = bundle.Except(chosen.Take).ToList();
            if (rest.Count > 0)
            {
                queue.AddFirst(rest);
            }
        }

        return offers;
    }

    public static double Minutes(GeoPoint from, GeoPoint to, double speedKmh, double roadFactor) =>
        from.DistanceMetresTo(to) / 1000 * roadFactor / speedKmh * 60;

    /// <summary>One merchant's orders, by ready time, cut wherever an order is ready later than the window after the bundle's first.</summary>
    internal static IEnumerable<List<PolicyJob>> Bundles(IEnumerable<PolicyJob> jobs, TimeSpan window)
    {
        var bundles = new List<List<PolicyJob>>();
        foreach (var merchant in jobs.GroupBy(j => j.MerchantId))
        {
            List<PolicyJob>? current = null;
            foreach (var job in merchant.OrderBy(j => j.ReadyEstimate).ThenBy(j => j.OrderId))
            {
                if (current is null || job.ReadyEstimate - current[0].ReadyEstimate > window)
                {
                    current = [];
                    bundles.Add(current);
                }

                current.Add(job);
            }
        }

        return bundles.OrderBy(b => b[0].ReadyEstimate).ThenBy(b => b[0].OrderId);
    }

    /// <summary>The bundle's orders this rider may carry, in order, within their spare capacity and their range for the whole trip.</summary>
    private static List<PolicyJob> Fit(PolicyRider rider, List<PolicyJob> bundle, double roadFactor)
    {
        var take = new List<PolicyJob>();
        var km = rider.Position.DistanceMetresTo(bundle[0].Merchant) / 1000 * roadFactor;
        var at = bundle[0].Merchant;
        foreach (var job in bundle)
        {
            if (take.Count == rider.SpareCapacity)
            {
                break;
            }

            if (job.RefusedBy.Contains(rider.RiderId) || (job.StairsNoLift && !rider.AcceptsStairs))
            {
                continue;
            }

            var leg = at.DistanceMetresTo(job.DropOff) / 1000 * roadFactor;
            if (km + leg > rider.RangeKm)
            {
                continue;
            }

            km += leg;
            at = job.DropOff;
            take.Add(job);
        }

        return take;
    }
}
