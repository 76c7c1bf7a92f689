namespace Kaifan.Bench.Mdrp;

/// <summary>
/// Checks a solution against the instance from the three solution tables alone, stricter than the official
/// evaluator: service times, the maximum click-to-door, one restaurant per bundle and agreement between the files.
/// Throws with every violation found.
/// </summary>
internal static class FeasibilityChecker
{
    public static void Check(MdrpInstance instance, MdrpSolution solution)
    {
        var errors = new List<string>();
        var travel = instance.Travel;
        var orders = instance.Orders.ToDictionary(o => o.Id, StringComparer.Ordinal);
        var couriers = instance.Couriers.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var rows = new Dictionary<string, OrderRow>(StringComparer.Ordinal);
        foreach (var r in solution.Orders)
        {
            if (!rows.TryAdd(r.OrderId, r)) errors.Add($"order {r.OrderId} has two rows");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in solution.Assignments)
        {
            if (!couriers.TryGetValue(a.CourierId, out var courier)) { errors.Add($"unknown courier {a.CourierId}"); continue; }
            if (a.PickupAt > courier.OffTime) errors.Add($"{a.CourierId} picks up at {a.PickupAt} after off-time {courier.OffTime}");
            if (a.OrderIds.Select(id => orders.TryGetValue(id, out var o) ? o.RestaurantId : "?").Distinct().Count() != 1)
                errors.Add($"assignment at {a.AssignedAt} for {a.CourierId} spans restaurants");
            var lastDrop = int.MinValue;
            foreach (var id in a.OrderIds)
            {
                if (!seen.Add(id)) errors.Add($"order {id} assigned twice");
                if (!orders.TryGetValue(id, out var o)) { errors.Add($"unknown order {id}"); continue; }
                if (a.AssignedAt < o.PlacedAt) errors.Add($"order {id} assigned at {a.AssignedAt} before placement {o.PlacedAt}");
                if (a.PickupAt < o.ReadyAt) errors.Add($"order {id} picked up at {a.PickupAt} before ready {o.ReadyAt}");
                if (!rows.TryGetValue(id, out var row)) { errors.Add($"order {id} assigned but has no order row"); continue; }
                if (row.PickupAt != a.PickupAt || row.CourierId != a.CourierId || row.PlacedAt != o.PlacedAt || row.ReadyAt != o.ReadyAt)
                    errors.Add($"order {id}: order row disagrees with its assignment or the instance");
                if (row.DropoffAt < lastDrop) errors.Add($"order {id} dropped before the previous order of its bundle");
                lastDrop = row.DropoffAt;
                if (row.DropoffAt - o.PlacedAt > instance.Parameters.MaxClickToDoor && IntrinsicMinimum(instance, o) <= instance.Parameters.MaxClickToDoor)
                    errors.Add($"order {id} click-to-door {row.DropoffAt - o.PlacedAt} beyond maximum {instance.Parameters.MaxClickToDoor}");
            }
        }

        foreach (var id in rows.Keys.Where(id => !seen.Contains(id))) errors.Add($"order {id} has a row but no assignment");
        CheckMoves(instance, solution, travel, orders, couriers, rows, errors);

        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"{instance.Name}: {errors.Count} feasibility violation(s):\n  " + string.Join("\n  ", errors.Take(50)));
        }
    }

    /// <summary>Click-to-door if a courier were waiting at the restaurant when the order became ready.</summary>
    public static int IntrinsicMinimum(MdrpInstance instance, MdrpOrder o)
    {
        var travel = instance.Travel;
        return travel.DropoffTime(travel.LeaveMerchant(o.ReadyAt) + travel.Minutes(instance.Restaurants[o.RestaurantId], o.DropOff)) - o.PlacedAt;
    }

    /// <summary>Walks each courier's moves against its assignments in time order, re-deriving every arrival by the travel rules.</summary>
    private static void CheckMoves(MdrpInstance instance, MdrpSolution solution, Dispatch.Optimisation.TravelModel travel,
        Dictionary<string, MdrpOrder> orders, Dictionary<string, MdrpCourier> couriers, Dictionary<string, OrderRow> rows, List<string> errors)
    {
        var movesByCourier = solution.Moves.GroupBy(m => m.CourierId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var assignmentsByCourier = solution.Assignments.GroupBy(a => a.CourierId, StringComparer.Ordinal);
        foreach (var group in assignmentsByCourier)
        {
            if (!couriers.TryGetValue(group.Key, out var courier)) continue;
            var moves = movesByCourier.GetValueOrDefault(group.Key) ?? [];
            movesByCourier.Remove(group.Key);
            var m = 0;
            var place = courier.OnLocation;
            var stop = "0";
            var freeAt = courier.OnTime;
            foreach (var a in group.OrderBy(a => a.PickupAt))
            {
                if (a.OrderIds.Any(id => !orders.ContainsKey(id))) return;
                var restaurantId = orders[a.OrderIds[0]].RestaurantId;
                var restaurant = instance.Restaurants[restaurantId];
                if (!Next(moves, ref m, stop, restaurantId, out var toRestaurant, errors, group.Key)) break;
                if (toRestaurant.DepartAt < freeAt) errors.Add($"{group.Key} leaves {stop} at {toRestaurant.DepartAt} before it is free at {freeAt}");
                if (toRestaurant.DepartAt < a.AssignedAt) errors.Add($"{group.Key} leaves at {toRestaurant.DepartAt} before its assignment at {a.AssignedAt}");
                var arrive = toRestaurant.DepartAt + travel.Minutes(place, restaurant);
                var expectedPickup = travel.PickupTime(arrive, a.OrderIds.Max(id => orders[id].ReadyAt));
                if (a.PickupAt != expectedPickup) errors.Add($"{group.Key} arrives at {restaurantId} at {arrive}: pickup must be {expectedPickup}, not {a.PickupAt}");
                var depart = travel.LeaveMerchant(a.PickupAt);
                place = restaurant;
                stop = restaurantId;
                foreach (var id in a.OrderIds)
                {
                    if (!Next(moves, ref m, stop, id, out var leg, errors, group.Key)) return;
                    if (leg.DepartAt != depart) errors.Add($"{group.Key} leaves {stop} at {leg.DepartAt}, rules say {depart}");
                    var drop = travel.DropoffTime(leg.DepartAt + travel.Minutes(place, orders[id].DropOff));
                    if (rows.TryGetValue(id, out var row) && row.DropoffAt != drop) errors.Add($"order {id} dropped at {row.DropoffAt}, rules say {drop}");
                    depart = travel.LeaveCustomer(drop);
                    place = orders[id].DropOff;
                    stop = id;
                }

                freeAt = depart;
            }

            if (m != moves.Count) errors.Add($"{group.Key} has {moves.Count - m} move(s) beyond its assignments");
        }

        foreach (var (courier, _) in movesByCourier) errors.Add($"{courier} moves without any assignment");
    }

    private static bool Next(List<MoveRow> moves, ref int m, string origin, string destination, out MoveRow move, List<string> errors, string courier)
    {
        if (m >= moves.Count) { errors.Add($"{courier} is missing a move {origin} -> {destination}"); move = null!; return false; }
        move = moves[m++];
        if (move.Origin != origin || move.Destination != destination)
        {
            errors.Add($"{courier} move {move.Origin} -> {move.Destination} where {origin} -> {destination} was due");
            return false;
        }

        return true;
    }
}
