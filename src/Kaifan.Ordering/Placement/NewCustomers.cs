using System.Linq.Expressions;
using Kaifan.Ordering.Orders;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Ordering.Placement;

/// <summary>
/// Which order of a customer holds a shop's 新客立减: one row per customer and shop, taken in the placing commit. The
/// unique key (and the Version when a row is taken over) makes the second of two racing first orders save nothing.
/// </summary>
internal sealed class NewCustomerClaim
{
    public Guid CustomerId { get; init; }
    public Guid MerchantId { get; init; }
    public Guid OrderId { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// A customer is new at a shop while none of their orders there stands: every order counts except one cancelled before
/// the shop accepted it (unpaid and expired, withdrawn by the customer, refused by the shop), so a 新客立减 lost that
/// way can be had again, and one order the shop cooked ends it for good.
/// </summary>
internal static class NewCustomers
{
    public const string Field = "newCustomer";

    /// <summary>An order that makes its customer a returning one at its shop.</summary>
    public static readonly Expression<Func<Order, bool>> Stands = o => !(o.Status == OrderStatus.Cancelled && o.AcceptedAt == null);

    public static async Task<bool> IsNewAsync(OrderingDb db, Guid customerId, Guid merchantId, CancellationToken ct) =>
        !await db.Orders.Where(o => o.CustomerId == customerId && o.MerchantId == merchantId).AnyAsync(Stands, ct);

    /// <summary>
    /// Marks the claim for this order in the change tracker, written with the order; false when another order took it
    /// after this one was priced and still stands.
    /// </summary>
    public static async Task<bool> TakeAsync(OrderingDb db, Guid customerId, Guid merchantId, Guid orderId, CancellationToken ct)
    {
        var claim = await db.NewCustomerClaims.SingleOrDefaultAsync(c => c.CustomerId == customerId && c.MerchantId == merchantId, ct);
        if (claim is null)
        {
            db.NewCustomerClaims.Add(new NewCustomerClaim { CustomerId = customerId, MerchantId = merchantId, OrderId = orderId, Version = 1 });
            return true;
        }

        var holder = await db.Orders.AsNoTracking().Where(o => o.Id == claim.OrderId).Select(o => new { o.Status, o.AcceptedAt }).SingleOrDefaultAsync(ct);
        if (holder is not null && !(holder.Status == OrderStatus.Cancelled && holder.AcceptedAt == null))
        {
            return false;
        }

        claim.OrderId = orderId;
        claim.Version++;
        return true;
    }

    public static IResult Taken() => OrderingProblems.Status(
        StatusCodes.Status409Conflict, "新客立减已用于您在本店的另一笔订单，请重新确认价格 (another order of yours at this shop took 新客立减)", Field);
}

internal sealed class NewCustomerClaimConfiguration : IEntityTypeConfiguration<NewCustomerClaim>
{
    public void Configure(EntityTypeBuilder<NewCustomerClaim> claim)
    {
        claim.ToTable("ordering_new_customer_claims");
        claim.HasKey(c => new { c.CustomerId, c.MerchantId });
        claim.Property(c => c.Version).IsConcurrencyToken();
    }
}
