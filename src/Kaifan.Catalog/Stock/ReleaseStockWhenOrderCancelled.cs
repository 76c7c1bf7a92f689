using Kaifan.Contracts.Events;
using Kaifan.Contracts.Queries;
using Wolverine.Attributes;

namespace Kaifan.Catalog.Stock;

/// <summary>A cancelled order's units go back on the shelf; a redelivered event finds them already released.</summary>
/// <remarks>The attribute is needed because Wolverine only discovers classes named *Handler or *Consumer by itself.</remarks>
[WolverineHandler]
public static class ReleaseStockWhenOrderCancelled
{
    public static Task Handle(OrderCancelled e, IStockReservations stock, CancellationToken ct) => stock.ReleaseAsync(e.OrderId, ct);
}
