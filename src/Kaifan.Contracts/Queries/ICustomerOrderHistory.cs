namespace Kaifan.Contracts.Queries;

/// <summary>What a promotion may learn of a customer's orders from Ordering: whether they are new, and whose an order is.</summary>
public interface ICustomerOrderHistory
{
    /// <summary>True once any of the customer's orders has been paid (also one later cancelled or refunded).</summary>
    Task<bool> HasPaidOrderAsync(Guid customerId, CancellationToken ct);

    /// <summary>When the customer's earliest paid order was paid (also one later cancelled or refunded); null when none was.</summary>
    Task<DateTimeOffset?> FirstPaidAtAsync(Guid customerId, CancellationToken ct);

    /// <summary>The customer who placed the order; null when there is no such order.</summary>
    Task<Guid?> CustomerOfOrderAsync(Guid orderId, CancellationToken ct);
}
