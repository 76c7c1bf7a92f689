namespace Kaifan.Contracts.Queries;

/// <summary>
/// 拼团 seats, owned by Growth, asked by Ordering when a customer opens or joins a group by placing an order of the
/// deal's dish. The deal's price is Growth's word: Ordering prices the line from it, never from the client.
/// </summary>
public interface IGroupBuys
{
    /// <summary>The deal to open a group of (dealId), or the deal of the group to join (groupId); null when neither exists.</summary>
    Task<GroupDealQuote?> FindDealAsync(Guid? dealId, Guid? groupId, CancellationToken ct);

    /// <summary>
    /// Takes one seat for the order: in a new group of the deal (GroupId null) or in the named group. A group never has
    /// more seats taken than its size; a retried order finds its own seat.
    /// </summary>
    Task<GroupSeatResult> TakeSeatAsync(GroupSeatRequest request, CancellationToken ct);

    /// <summary>Gives an unpaid order's seat back (placement failed, payment deadline passed); idempotent.</summary>
    Task ReleaseSeatAsync(Guid orderId, CancellationToken ct);
}

/// <summary>GroupPriceFen is the dish's price in the group (options add their deltas); IsOpenable: a new group may start now.</summary>
public sealed record GroupDealQuote(Guid DealId, Guid MerchantId, Guid ItemId, long GroupPriceFen, int GroupSize, bool IsOpenable);

public sealed record GroupSeatRequest(Guid OrderId, Guid CustomerId, Guid DealId, Guid? GroupId);

/// <summary>Taken: GroupId is the order's group. Refused: Status (404, 409, 422), Message and the Field it names.</summary>
public sealed record GroupSeatResult(Guid? GroupId, int Status, string? Message, string? Field)
{
    public bool Taken => GroupId is not null;

    public static GroupSeatResult In(Guid groupId) => new(groupId, 200, null, null);

    public static GroupSeatResult Refused(int status, string message, string field) => new(null, status, message, field);
}
