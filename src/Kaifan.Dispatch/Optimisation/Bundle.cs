namespace Kaifan.Dispatch.Optimisation;

/// <summary>
/// Orders of one merchant picked up together, drop-offs in <see cref="Orders"/> order. <see cref="LegMeters"/> are the
/// rides from the merchant to the first door and from door to door, so each rider's pace times them.
/// </summary>
internal sealed record Bundle(
    string MerchantId,
    Point Merchant,
    IReadOnlyList<PendingOrder> Orders,
    int ReadyAt,
    IReadOnlyList<double> LegMeters,
    double LengthMeters,
    bool NeedsStairs,
    bool HasSpecialCare)
{
    /// <summary>The drop-off order that minimises the weighted minutes from pickup to each door, at the model's pace.</summary>
    public static Bundle Sequence(IReadOnlyList<PendingOrder> orders, TravelModel travel, DispatchSettings settings)
    {
        PendingOrder[]? best = null;
        var bestScore = double.MaxValue;
        foreach (var perm in Permutations(orders.ToArray(), 0))
        {
            var legs = Legs(perm);
            var (score, leave) = (0.0, travel.LeaveMerchant(0));
            for (var i = 0; i < perm.Length; i++)
            {
                var drop = travel.DropoffTime(leave + travel.Minutes(legs[i]));
                score += Weight(perm[i], settings) * drop;
                leave = travel.LeaveCustomer(drop);
            }

            if (score < bestScore - 1e-9) { bestScore = score; best = (PendingOrder[])perm.Clone(); }
        }

        var seq = best!;
        var legMeters = Legs(seq);
        var length = 0.0;
        foreach (var leg in legMeters) length += leg;
        var first = seq[0];
        return new Bundle(first.MerchantId, first.Merchant, seq, seq.Max(o => o.ReadyAt), legMeters, length,
            seq.Any(o => o.StairsNoLift), seq.Any(o => o.Priority == OrderPriority.SpecialCare));
    }

    public static double Weight(PendingOrder order, DispatchSettings settings) =>
        (order.Priority == OrderPriority.SpecialCare ? settings.SpecialCareWeight : 1.0) * order.Weight;

    private static double[] Legs(PendingOrder[] seq)
    {
        var legs = new double[seq.Length];
        var at = seq[0].Merchant;
        for (var i = 0; i < seq.Length; i++)
        {
            legs[i] = at.DistanceTo(seq[i].DropOff);
            at = seq[i].DropOff;
        }

        return legs;
    }

    // Heap-free lexicographic enumeration: deterministic, and bundles are small (at most a handful of orders).
    private static IEnumerable<PendingOrder[]> Permutations(PendingOrder[] items, int k)
    {
        if (k == items.Length - 1 || items.Length == 0) { yield return items; yield break; }
        for (var i = k; i < items.Length; i++)
        {
            (items[k], items[i]) = (items[i], items[k]);
            foreach (var p in Permutations(items, k + 1)) yield return p;
            (items[k], items[i]) = (items[i], items[k]);
        }
    }
}
