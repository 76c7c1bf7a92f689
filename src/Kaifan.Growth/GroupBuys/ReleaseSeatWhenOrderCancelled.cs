using Kaifan.Contracts.Events;
using Kaifan.Contracts.Queries;
using Wolverine.Attributes;

namespace Kaifan.Growth.GroupBuys;

/// <summary>An unpaid 拼团 order that was cancelled (its payment deadline passed, or its customer gave up) frees its seat.</summary>
/// <remarks>The attribute is needed because Wolverine only discovers classes named *Handler or *Consumer by itself.</remarks>
[WolverineHandler]
public static class ReleaseSeatWhenOrderCancelled
{
    public static Task Handle(OrderCancelled e, IGroupBuys seats, CancellationToken ct) => seats.ReleaseSeatAsync(e.OrderId, ct);
}
