using System.Security.Claims;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Kaifan.Ordering.Placement;
using Kaifan.Ordering.Pricing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Ordering.Orders;

/// <summary>
/// 再来一单: GET /api/orders/{id}/reorder prices a past order at today's menu and says what can no longer
/// be had; POST places the still-available lines at once (Idempotency-Key required).
/// </summary>
internal static class Reorder
{
    internal sealed record ReorderQuoteView(CartQuoteView Quote, IReadOnlyList<UnavailableLineView> Unavailable, PlaceOrder.Request PlaceRequest);

    internal sealed record ReorderPlacedView(OrderView Order, IReadOnlyList<UnavailableLineView> Unavailable);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/api/orders/{id:guid}/reorder", QuoteAsync)
            .RequireAuthorization(Roles.Customer)
            .WithTags("Ordering")
            .Produces<ReorderQuoteView>();
        api.MapPost("/api/orders/{id:guid}/reorder", PlaceAsync)
            .RequireAuthorization(Roles.Customer)
            .WithTags("Ordering")
            .Produces<ReorderPlacedView>(StatusCodes.Status201Created);
    }

    private static async Task<IResult> QuoteAsync(Guid id, ClaimsPrincipal user, OrderingDb db, CartQuoting quoting, CancellationToken ct)
    {
        var customerId = user.UserId();
        var past = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id && o.CustomerId == customerId, ct);
        if (past is null)
        {
            return Problems.NotFound("订单");
        }

        var (quote, error) = await quoting.QuoteAsync(customerId, past.MerchantId, past.AddressId, LinesOf(past), ct);
        if (error is not null)
        {
            return error;
        }

        var unavailable = Unavailable(past, quote!.Cart);
        var available = quote.Cart.Lines.Select(l => new CartLineRequest(l.ItemId, l.Quantity, l.Options.Select(o => o.Id).ToList())).ToList();
        var placeRequest = new PlaceOrder.Request(past.MerchantId, past.AddressId, available, past.Note, past.CutleryCount);
        return Results.Ok(new ReorderQuoteView(CartQuoteView.From(quote) with { Unavailable = unavailable }, unavailable, placeRequest));
    }

    private static async Task<IResult> PlaceAsync(
        Guid id,
        [FromHeader(Name = IdempotentRequests.Header)] string? idempotencyKey,
        ClaimsPrincipal user,
        OrderingDb db,
        IdempotentRequests idempotent,
        CartQuoting quoting,
        OrderPlacement placement,
        IPersonalDataProtector protector,
        CancellationToken ct)
    {
        if (IdempotentRequests.CheckKey(idempotencyKey) is { } keyProblem)
        {
            return keyProblem;
        }

        var customerId = user.UserId();
        var past = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id && o.CustomerId == customerId, ct);
        if (past is null)
        {
            return Problems.NotFound("订单");
        }

        return await idempotent.RunAsync(customerId, idempotencyKey!, IdempotentRequests.Hash("reorder", id), async claim =>
        {
            var (quote, error) = await quoting.QuoteAsync(customerId, past.MerchantId, past.AddressId, LinesOf(past), ct);
            if (error is not null)
            {
                return error;
            }

            if (!quote!.Merchant.IsOpenNow)
            {
                return Problems.Conflict("商家已打烊 (merchant is closed)", "merchantId");
            }

            if (quote.Cart.Lines.Count == 0)
            {
                return Problems.Conflict("原订单的商品都已不可购买 (none of the items can be ordered now)", "lines");
            }

            var unavailable = Unavailable(past, quote.Cart);
            var available = quote.Cart.Lines.Select(l => new CartLineRequest(l.ItemId, l.Quantity, l.Options.Select(o => o.Id).ToList())).ToList();
            var (fresh, freshError) = await quoting.QuoteAsync(customerId, past.MerchantId, past.AddressId, available, ct);
            return freshError ?? await placement.PlaceAsync(
                customerId, fresh!, past.Note, past.CutleryCount, claim, order => new ReorderPlacedView(OrderView.From(order, protector, masked: false), unavailable), ct);
        }, ct);
    }

    private static List<CartLineRequest> LinesOf(Order past) =>
        past.Lines.Select(l => new CartLineRequest(l.ItemId, l.Quantity, l.Options.Select(o => o.Id).ToList())).ToList();

    /// <summary>Names come from the past order, since a removed item has no name on today's menu.</summary>
    private static List<UnavailableLineView> Unavailable(Order past, PricedCart cart) =>
        cart.Issues.Select(i => new UnavailableLineView(i.Index, i.ItemId, past.Lines[i.Index].Name, i.Reason, i.Message)).ToList();
}
