namespace Kaifan.Bench.Mdrp;

internal sealed record AssignmentRow(int AssignedAt, int PickupAt, string CourierId, IReadOnlyList<string> OrderIds);

internal sealed record OrderRow(string OrderId, int PlacedAt, int ReadyAt, int PickupAt, int DropoffAt, string CourierId);

/// <summary>Origin "0" is the courier's on-location; otherwise a restaurant or an order id.</summary>
internal sealed record MoveRow(string CourierId, int DepartAt, string Origin, string Destination);

internal sealed record MdrpSolution(
    IReadOnlyList<AssignmentRow> Assignments,
    IReadOnlyList<OrderRow> Orders,
    IReadOnlyList<MoveRow> Moves,
    IReadOnlyList<double> RoundMilliseconds)
{
    /// <summary>The three files the Grubhub evaluator reads, space separated with a header line.</summary>
    public void Write(string outDir)
    {
        Directory.CreateDirectory(outDir);
        File.WriteAllLines(Path.Combine(outDir, "solution_info_assignments.txt"),
            Assignments.Select(a => $"{a.AssignedAt} {a.PickupAt} {a.CourierId} {string.Join(' ', a.OrderIds)}")
                .Prepend("assignment_time pickup_time courier orders"));
        File.WriteAllLines(Path.Combine(outDir, "solution_info_orders.txt"),
            Orders.Select(o => $"{o.OrderId} {o.PlacedAt} {o.ReadyAt} {o.PickupAt} {o.DropoffAt} {o.CourierId}")
                .Prepend("order placement_time ready_time pickup_time dropoff_time courier"));
        File.WriteAllLines(Path.Combine(outDir, "solution_info_couriers.txt"),
            Moves.Select(m => $"{m.CourierId} {m.DepartAt} {m.Origin} {m.Destination}")
                .Prepend("courier departure_time origin destination"));
    }
}
