namespace Kaifan.Dispatch.Optimisation;

/// <summary>
/// Orders of one merchant picked up together, drop-offs in <see cref="Orders"/> order. <see cref="DropoffOffsets"/>
/// are minutes from the pickup to each drop-off at the travel model's speed; <see cref="OffsetsAt"/> gives them for a
/// rider of another pace.
/// </summary>
internal sealed record Bundle(
    string MerchantId,
    Point Merchant,
    IReadOnlyList<PendingOrder> Orders,
    int ReadyAt,
    IReadOnlyList<int> DropoffOffsets,
    double LengthMeters,
    bool NeedsStairs,
    bool HasSpecialCare)
{
    public static Bundle Sequence(IReadOnlyList<PendingOrder> orders, TravelModel travel, DispatchSettings settings)
    {
        PendingOrder[]? best = null;
        var bestScore = double.MaxValue;
        foreach (var perm in Permutations(orders.ToArray(), 0))
        {
            var (offsets, _) = Offsets(perm, travel);
            var score = 0.0;
            for (var i = 0; i < perm.Length; i++) score += Weight(perm[i], settings) * offsets[i];
            if (score < bestScore - 1e-9) { bestScore = score; best = (PendingOrder[])perm.Clone(); }
        }

        var seq = best!;
        var (offs, length) = Offsets(seq, travel);
        var first = seq[0];
        return new Bundle(first.MerchantId, first.Merchant, seq, seq.Max(o => o.ReadyAt), offs, length,
            seq.Any(o => o.StairsNoLift), seq.Any(o => o.Priority == OrderPriority.SpecialCare));
    }

    public IReadOnlyList<int> OffsetsAt(double speed, TravelModel travel) =>
        speed == 1.0 ? DropoffOffsets : Offsets([.. Orders], travel, speed).Offsets;

    public static double Weight(PendingOrder order, DispatchSettings settings) =>
        (order.Priority == OrderPriority.SpecialCare ? settings.SpecialCareWeight : 1.0) * order.Weight;

    private static (int[] Offsets, double Length) Offsets(PendingOrder[] seq, TravelModel travel, double speed = 1.0)
    {
        var offsets = new int[seq.Length];
        var clock = travel.LeaveMerchant(0);
        var at = seq[0].Merchant;
        var length = 0.0;
        for (var i = 0; i < seq.Length; i++)
        {
            length += at.DistanceTo(seq[i].DropOff);
            var drop = travel.DropoffTime(clock + travel.Minutes(at, seq[i].DropOff, speed));
            offsets[i] = drop;
            clock = travel.LeaveCustomer(drop);
            at = seq[i].DropOff;
        }

        return (offsets, length);
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
