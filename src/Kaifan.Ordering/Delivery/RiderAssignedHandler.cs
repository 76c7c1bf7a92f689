using Kaifan.Contracts.Events;

namespace Kaifan.Ordering.Delivery;

/// <summary>Records the dispatcher's choice once; a repeat or a second rider changes nothing.</summary>
public static class RiderAssignedHandler
{
    public static async Task Handle(RiderAssigned assigned, OrderingDb db, CancellationToken ct)
    {
        var order = await db.Orders.FindAsync([assigned.OrderId], ct);
        order?.AssignRider(assigned.RiderId, assigned.AssignedAt);
    }
}
