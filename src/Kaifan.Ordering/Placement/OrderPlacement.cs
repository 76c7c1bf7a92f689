using System.Text.Json;
using Kaifan.BuildingBlocks.Storage;
using Kaifan.Contracts;
using Kaifan.Contracts.Events;
using Kaifan.Contracts.Queries;
using Kaifan.Ordering.Orders;
using Kaifan.Ordering.Payments;
using Kaifan.Ordering.Pricing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.EntityFrameworkCore;

namespace Kaifan.Ordering.Placement;

/// <summary>
/// Turns a priced cart into an order: hold the stock, then save the order, its events, its payment
/// deadline and the idempotent response in one commit. Stock held for an order that did not save is released.
/// </summary>
internal sealed class OrderPlacement(
    IDbContextOutbox<OrderingDb> outbox,
    IStockReservations stock,
    IGroupBuys groups,
    IPresales presales,
    IPersonalDataProtector protector,
    TimeProvider clock,
    OrderingSettings settings,
    IOptions<JsonOptions> json)
{
    public async Task<IResult> PlaceAsync(
        Guid customerId, CartQuote quote, string? note, int cutleryCount, IdempotencyRecord claim, Func<Order, object> response, CancellationToken ct,
        CheckoutQuote? priced = null)
    {
        var choice = priced?.Choice ?? CheckoutChoice.Standard;
        var coupon = priced?.Coupon;
        var discount = priced?.DiscountFen ?? 0;
        var takesNewCustomer = priced?.TakesNewCustomer == true;
        if (CartQuoting.PlacementBlocker(quote) is { } blocker)
        {
            return blocker;
        }

        var now = clock.GetUtcNow();
        var orderId = Guid.CreateVersion7(now);
        var cart = quote.Cart;
        var presale = priced?.Presale;

        // Before anything is held: an order placed since pricing may have taken 新客立减 already.
        if (takesNewCustomer && !await NewCustomers.TakeAsync(outbox.DbContext, customerId, quote.Merchant.Id, orderId, ct))
        {
            return NewCustomers.Taken();
        }

        // A pre-sale's portions are the chain's own stock, cooked on delivery day: today's menu stock stays untouched.
        var stockLines = presale is not null ? [] : cart.Lines.GroupBy(l => l.ItemId).Select(g => new StockLine(g.Key, g.Sum(l => l.Quantity))).ToList();
        var reservation = await stock.ReserveAsync(orderId, stockLines, ct);
        if (!reservation.Succeeded)
        {
            await stock.ReleaseAsync(orderId, CancellationToken.None);
            var short_ = cart.Lines.FirstOrDefault(l => reservation.ShortItemIds.Contains(l.ItemId)) ?? cart.Lines[0];
            return Kaifan.BuildingBlocks.Http.Problems.Conflict($"{short_.Name} 库存不足 (not enough stock)", $"lines[{short_.Index}].itemId");
        }

        Guid? groupBuyId = null;
        if (priced?.GroupDeal is { } deal)
        {
            // After the stock: a seat is the scarcer thing, and a refused seat must leave nothing held.
            var seat = await groups.TakeSeatAsync(new GroupSeatRequest(orderId, customerId, deal.DealId, priced.GroupId), ct);
            if (!seat.Taken)
            {
                await stock.ReleaseAsync(orderId, CancellationToken.None);
                return OrderingProblems.Status(seat.Status, seat.Message!, seat.Field!);
            }

            groupBuyId = seat.GroupId;
        }

        if (presale is not null)
        {
            var entry = await presales.JoinAsync(
                new PresaleEntryRequest(orderId, customerId, presale.PresaleId, cart.Lines.Sum(l => l.Quantity), MaskedName(quote.Address.ContactName)), ct);
            if (!entry.Joined)
            {
                await stock.ReleaseAsync(orderId, CancellationToken.None);
                return OrderingProblems.Status(entry.Status, entry.Message!, entry.Field!);
            }
        }

        try
        {
            var order = new Order
            {
                Id = orderId,
                Number = await NextNumberAsync(now, ct),
                CustomerId = customerId,
                MerchantId = quote.Merchant.Id,
                MerchantName = quote.Merchant.Name,
                ZoneId = quote.Merchant.ZoneId,
                Lines = cart.Lines.Select(l => new OrderLine
                {
                    ItemId = l.ItemId,
                    Name = l.Name,
                    Options = l.Options.Select(o => new ChosenOption { Id = o.Id, Name = o.Name }).ToList(),
                    UnitPriceFen = l.UnitPriceFen,
                    Quantity = l.Quantity,
                    Calories = l.Calories,
                    LineTotalFen = l.LineTotalFen,
                }).ToList(),
                ItemsTotalFen = cart.ItemsTotalFen,
                PackagingFeeFen = cart.PackagingFeeFen,
                DeliveryFeeFen = cart.DeliveryFeeFen,
                TotalFen = priced?.TotalFen ?? cart.TotalFen,
                ShopDiscounts = priced?.ShopDiscounts.Select(d => new ShopDiscount { Kind = d.Kind, Label = d.Label, AmountFen = d.AmountFen }).ToList() ?? [],
                ShopDiscountFen = priced?.ShopDiscountFen ?? 0,
                ServiceFeeFen = choice.ServiceFeeFen,
                CouponId = coupon?.Id,
                GroupBuyId = groupBuyId,
                PresaleId = presale?.PresaleId,
                PresaleDeliverAt = presale?.DeliverAt,
                PresaleCutoffAt = presale?.CutoffAt,
                DiscountFen = discount,
                ServiceTier = choice.Tier,
                SpecialCare = choice.SpecialCare,
                LockerId = choice.Locker?.Id,
                LockerName = choice.Locker?.Name,
                TotalCalories = cart.TotalCalories,
                AddressId = quote.Address.Id,
                ContactNameProtected = protector.Protect(quote.Address.ContactName),
                PhoneProtected = protector.Protect(quote.Address.Phone),
                AddressDetailProtected = protector.Protect(quote.Address.Detail),
                Latitude = (choice.Locker?.Location ?? quote.Address.Location).Latitude,
                Longitude = (choice.Locker?.Location ?? quote.Address.Location).Longitude,

                // A locker stands on the ground floor: no stairs to climb.
                StairsNoLift = choice.Locker is null && quote.Address.StairsNoLift,
                MerchantLatitude = quote.Merchant.Location.Latitude,
                MerchantLongitude = quote.Merchant.Location.Longitude,
                Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
                CutleryCount = cutleryCount,
                PlacedAt = now,
                QuotedArrivalAt = priced?.QuotedArrival,
                PaymentDeadline = now + settings.PaymentTimeout,
            };

            var db = outbox.DbContext;
            db.Orders.Add(order);

            // Saved with the order under the coupon's Version: of two orders racing for it, the second saves nothing.
            coupon?.Spend(order.Id, now);
            claim.ResponseStatus = StatusCodes.Status201Created;
            var body = JsonSerializer.Serialize(response(order), json.Value.SerializerOptions);
            claim.ResponseBody = protector.Protect(body);
            await outbox.PublishAsync(new OrderPlaced(
                order.Id, customerId, order.MerchantId, order.ZoneId, order.TotalFen, now, ServiceTierNames.Of(order.ServiceTier)));

            // A delay rather than an instant: the scheduler keeps its own clock, which may differ from ours.
            await outbox.ScheduleAsync(new PaymentDeadlineReached(order.Id), settings.PaymentTimeout);
            await outbox.SaveChangesAndFlushMessagesAsync(ct);
            return IdempotentRequests.Replay(claim.ResponseStatus.Value, body);
        }
        catch (DbUpdateException e) when (LostARace(e, coupon is not null, takesNewCustomer))
        {
            // The outbox opened a transaction for the events; nothing of this order may stay in it.
            if (outbox.DbContext.Database.CurrentTransaction is not null)
            {
                await outbox.DbContext.Database.RollbackTransactionAsync(CancellationToken.None);
            }

            claim.ResponseStatus = null;
            claim.ResponseBody = null;
            await stock.ReleaseAsync(orderId, CancellationToken.None);
            await groups.ReleaseSeatAsync(orderId, CancellationToken.None);
            await presales.ReleaseEntryAsync(orderId, CancellationToken.None);

            // Another order of this customer at this shop took 新客立减 first; else the coupon went elsewhere.
            if (takesNewCustomer && !await NewCustomers.IsNewAsync(outbox.DbContext, customerId, quote.Merchant.Id, CancellationToken.None))
            {
                return NewCustomers.Taken();
            }

            return coupon is null ? NewCustomers.Taken() : await Coupons.CouponSpending.LostAsync(outbox.DbContext, coupon.Id, CancellationToken.None);
        }
        catch
        {
            claim.ResponseStatus = null;
            claim.ResponseBody = null;
            await stock.ReleaseAsync(orderId, CancellationToken.None);
            await groups.ReleaseSeatAsync(orderId, CancellationToken.None);
            await presales.ReleaseEntryAsync(orderId, CancellationToken.None);
            throw;
        }
    }

    /// <summary>What a 预售接龙 shows of the customer to everyone: the first character and two stars (张**).</summary>
    private static string MaskedName(string contactName) =>
        string.IsNullOrWhiteSpace(contactName) ? "匿名用户" : $"{char.ConvertFromUtf32(char.ConvertToUtf32(contactName.Trim(), 0))}**";

    /// <summary>yyyyMMdd (Shanghai) + a per-day counter taken by one atomic upsert, so numbers never repeat.</summary>
    private async Task<string> NextNumberAsync(DateTimeOffset now, CancellationToken ct)
    {
        var day = now.ToOffset(ChinaTime.Offset).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var db = outbox.DbContext;
        var entity = db.Model.FindEntityType(typeof(OrderNumberCounter))!;
        var schema = entity.GetSchema();
        var table = schema is null ? $"\"{entity.GetTableName()}\"" : $"\"{schema}\".\"{entity.GetTableName()}\"";
        var sql = $$"""
            INSERT INTO {{table}} AS c ("Day", "Last") VALUES ({0}, 1)
            ON CONFLICT ("Day") DO UPDATE SET "Last" = c."Last" + 1
            RETURNING "Last" AS "Value"
            """;
        var values = await db.Database.SqlQueryRaw<long>(sql, day).ToListAsync(ct);
        return $"{day}{values.Single():000000}";
    }

    /// <summary>
    /// Another order got there first: a coupon spent elsewhere shows as its stale Version, 新客立减 as the claim's stale
    /// Version or, when both orders were the first to claim, as the claim's key.
    /// </summary>
    private static bool LostARace(DbUpdateException e, bool spendsCoupon, bool takesNewCustomer) =>
        e is DbUpdateConcurrencyException ? spendsCoupon || takesNewCustomer : takesNewCustomer && e.IsUniqueViolation();
}
