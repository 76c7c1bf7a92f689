namespace Kaifan.Contracts.Queries;

/// <summary>What Ordering needs to know about an order's payment.</summary>
public interface IOrderPaymentTerms
{
    /// <summary>The amount and status that Ordering holds for an order, for the payment module to check against.</summary>
    Task<OrderPaymentTerms?> GetAsync(Guid orderId, CancellationToken ct);
}

public sealed record OrderPaymentTerms(Guid OrderId, Guid CustomerId, long AmountFen, bool AwaitingPayment, string Description);
