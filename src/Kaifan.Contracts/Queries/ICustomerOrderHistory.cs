namespace Kaifan.Contracts.Queries;

/// <summary>What a promotion may learn of a customer's orders from Ordering: whether they are new, whose an order is, when it was paid.</summary>
public interface ICustomerOrderHistory
{
    /// <summary>True once any of the customer's orders has been paid (also one later cancelled or refunded).</summary>
    Task<bool> HasPaidOrderAsync(Guid customerId, CancellationToken ct);

    /// <summary>
    /// True when an order of the customer's both placed and paid before the moment exists (also one later cancelled or
    /// refunded). Both, because a gateway reports the payment time in whole seconds: an order placed after the moment
    /// was never paid before it, whatever second its payment is dated.
    /// </summary>
    Task<bool> HasOrderPaidBeforeAsync(Guid customerId, DateTimeOffset moment, CancellationToken ct);

    /// <summary>The customer who placed the order; null when there is no such order.</summary>
    Task<Guid?> CustomerOfOrderAsync(Guid orderId, CancellationToken ct);

    /// <summary>When each of the orders was paid, for those Ordering has seen paid (also one later cancelled).</summary>
    Task<IReadOnlyDictionary<Guid, DateTimeOffset>> PaidAtAsync(IReadOnlyCollection<Guid> orderIds, CancellationToken ct);
}
