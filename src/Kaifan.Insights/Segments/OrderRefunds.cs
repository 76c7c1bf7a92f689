using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Insights.Segments;

/// <summary>Money one refund gave back on an order (PaymentRefunded; a redelivered event finds its row and adds nothing).</summary>
internal sealed class CustomerOrderRefund
{
    public Guid RefundId { get; init; }
    public Guid OrderId { get; init; }
    public long AmountFen { get; init; }
}

/// <summary>A delivered order as RFM counts it: what the customer paid, less what came back.</summary>
internal sealed record KeptOrder(Guid CustomerId, DateTimeOffset PlacedAt, long KeptFen);

internal static class KeptOrders
{
    /// <summary>
    /// Delivered orders (of one customer, or everyone's) net of their refunds; one refunded in full earned nothing and is
    /// left out, as a cancelled one is.
    /// </summary>
    public static IQueryable<KeptOrder> Of(InsightsDb db, Guid? customerId = null) =>
        from o in db.CustomerOrders.AsNoTracking()
        where o.CustomerId != null && o.DeliveredAt != null && o.PlacedAt != null && o.PaidFen != null
        where customerId == null || o.CustomerId == customerId
        let refunded = db.CustomerOrderRefunds.Where(r => r.OrderId == o.OrderId).Sum(r => (long?)r.AmountFen) ?? 0
        where o.PaidFen > refunded
        select new KeptOrder(o.CustomerId!.Value, o.PlacedAt!.Value, o.PaidFen!.Value - refunded);
}

internal sealed class CustomerOrderRefundConfiguration : IEntityTypeConfiguration<CustomerOrderRefund>
{
    public void Configure(EntityTypeBuilder<CustomerOrderRefund> refund)
    {
        refund.ToTable("insights_customer_order_refunds");
        refund.HasKey(r => r.RefundId);
        refund.Property(r => r.RefundId).ValueGeneratedNever();
        refund.HasIndex(r => r.OrderId);
    }
}
