namespace Kaifan.Insights.Planning;

/// <summary>A zone's expected orders per hour (the busier of the next two hours) beside the riders online there now.</summary>
internal sealed record ZoneOutlook(Guid ZoneId, double ForecastPerHour, int Online, int Idle);

/// <summary>Gap = riders needed − riders online: positive means the zone is about to run short.</summary>
internal sealed record StaffingSuggestion(Guid ZoneId, int RidersNeeded, int Online, int Idle, int Gap);

internal sealed record RiderMove(Guid FromZoneId, Guid ToZoneId, int Riders);

/// <summary>Riders a zone needs and which idle riders to send where before a peak. Only idle riders move, and a zone
/// never gives away riders it needs itself.</summary>
internal static class StaffingPlanner
{
    public static StaffingSuggestion Suggest(ZoneOutlook zone, double ordersPerRiderHour)
    {
        if (ordersPerRiderHour <= 0) throw new ArgumentOutOfRangeException(nameof(ordersPerRiderHour));
        // A small tolerance so 6.0000001 orders at 3 per rider still asks for 2 riders, not 3.
        var needed = (int)Math.Ceiling(Math.Max(0, zone.ForecastPerHour) / ordersPerRiderHour - 1e-6);
        return new StaffingSuggestion(zone.ZoneId, needed, zone.Online, zone.Idle, needed - zone.Online);
    }

    /// <summary>Greedy: the zone shortest of riders takes first, from the zone with the most spare idle riders.</summary>
    public static List<RiderMove> PrePosition(IReadOnlyList<StaffingSuggestion> zones)
    {
        var spare = zones.Where(z => z.Gap < 0 && z.Idle > 0)
            .Select(z => (z.ZoneId, Count: Math.Min(z.Idle, -z.Gap))).ToList();
        var shortOf = zones.Where(z => z.Gap > 0).OrderByDescending(z => z.Gap).ThenBy(z => z.ZoneId)
            .Select(z => (z.ZoneId, Count: z.Gap)).ToList();
        var moves = new List<RiderMove>();
        foreach (var (toZone, gap) in shortOf)
        {
            var missing = gap;
            while (missing > 0)
            {
                var donor = spare.Select((s, i) => (s, i)).Where(x => x.s.Count > 0)
                    .OrderByDescending(x => x.s.Count).ThenBy(x => x.s.ZoneId).Select(x => (int?)x.i).FirstOrDefault();
                if (donor is not { } d) return moves;
                var take = Math.Min(missing, spare[d].Count);
                moves.Add(new RiderMove(spare[d].ZoneId, toZone, take));
                spare[d] = (spare[d].ZoneId, spare[d].Count - take);
                missing -= take;
            }
        }
        return moves;
    }
}
