using System.Security.Claims;
using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Kaifan.Ordering.Placement;
using Kaifan.Ordering.Pricing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Ordering.Orders;

/// <summary>
/// 再来一单: GET /api/orders/{id}/reorder prices a past order at today's menu and says what can no longer
/// be had; POST places the still-available lines at once (Idempotency-Key required). Both take an optional couponId
/// (GET as ?couponId=, POST in a body that may be left out) priced and spent by checkout's own code, so a reorder's
/// coupon is quoted, charged, refused and given back exactly as at checkout.
/// </summary>
internal static class Reorder
{
    /// <summary>CouponId: as PlaceOrder.Request's; its minimum spend counts only the lines still on sale.</summary>
    internal sealed record Request(Guid? CouponId = null) : ICouponChoice
    {
        public static readonly Request None = new();
    }

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => Include(new CouponChoiceValidator());
    }

    internal sealed record ReorderQuoteView(CartQuoteView Quote, IReadOnlyList<UnavailableLineView> Unavailable, PlaceOrder.Request PlaceRequest);

    internal sealed record ReorderPlacedView(OrderView Order, IReadOnlyList<UnavailableLineView> Unavailable);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/api/orders/{id:guid}/reorder", QuoteAsync)
            .RequireAuthorization(Roles.Customer)
            .WithTags("Ordering")
            .Produces<ReorderQuoteView>()
            .ProducesValidationProblem();
        api.MapPost("/api/orders/{id:guid}/reorder", PlaceAsync)
            .RequireAuthorization(Roles.Customer)
            .WithTags("Ordering")
            .Produces<ReorderPlacedView>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
    }

    private static async Task<IResult> QuoteAsync(
        Guid id, [FromQuery] Guid? couponId, ClaimsPrincipal user, OrderingDb db, Checkout checkout, IValidator<Request> validator, CancellationToken ct)
    {
        var request = new Request(couponId);
        if (await InvalidAsync(validator, request, ct) is { } invalid)
        {
            return invalid;
        }

        var customerId = user.UserId();
        var past = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id && o.CustomerId == customerId, ct);
        if (past is null)
        {
            return Problems.NotFound("订单");
        }

        // The lines no longer on sale add nothing to the items total, so pricing the whole past order charges what
        // placing only the available lines would, with the past order's line numbers kept for the unavailable ones.
        var (priced, error) = await checkout.PriceAsync(customerId, past.MerchantId, past.AddressId, LinesOf(past), Options(request), ct);
        if (error is not null)
        {
            return error;
        }

        var unavailable = Unavailable(past, priced!.Quote.Cart);
        var placeRequest = new PlaceOrder.Request(
            past.MerchantId, past.AddressId, Available(priced.Quote.Cart), past.Note, past.CutleryCount, CouponId: priced.Coupon?.Id);
        // A reorder is standard delivery to the door: the tiers checkout offers are not offered here.
        var quote = CartQuoteView.From(priced) with { Unavailable = unavailable, Guarantee = null, BatchLine = null };
        return Results.Ok(new ReorderQuoteView(quote, unavailable, placeRequest));
    }

    private static async Task<IResult> PlaceAsync(
        Guid id,
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] Request? body,
        [FromHeader(Name = IdempotentRequests.Header)] string? idempotencyKey,
        ClaimsPrincipal user,
        OrderingDb db,
        IdempotentRequests idempotent,
        CartQuoting quoting,
        Checkout checkout,
        OrderPlacement placement,
        IPersonalDataProtector protector,
        IValidator<Request> validator,
        CancellationToken ct)
    {
        if (IdempotentRequests.CheckKey(idempotencyKey) is { } keyProblem)
        {
            return keyProblem;
        }

        var request = body ?? Request.None;
        if (await InvalidAsync(validator, request, ct) is { } invalid)
        {
            return invalid;
        }

        var customerId = user.UserId();
        var past = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id && o.CustomerId == customerId, ct);
        if (past is null)
        {
            return Problems.NotFound("订单");
        }

        return await idempotent.RunAsync(customerId, idempotencyKey!, IdempotentRequests.Hash("reorder", new { id, request.CouponId }), async claim =>
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

            // Placement refuses a cart with unavailable lines, so only the rest is priced (coupon included) and placed.
            var unavailable = Unavailable(past, quote.Cart);
            var (priced, pricedError) = await checkout.PriceAsync(customerId, past.MerchantId, past.AddressId, Available(quote.Cart), Options(request), ct);
            return pricedError ?? await placement.PlaceAsync(
                customerId, priced!.Quote, past.Note, past.CutleryCount, claim,
                order => new ReorderPlacedView(OrderView.From(order, protector, masked: false), unavailable), ct, priced);
        }, ct);
    }

    /// <summary>A reorder is delivered as standard to the door, as it always was; only the coupon is the customer's pick.</summary>
    private static CheckoutOptions Options(Request request) => CheckoutOptions.None with { CouponId = request.CouponId };

    /// <summary>
    /// One tap sends no body at all, which `.Validate&lt;T&gt;()` would refuse, so the request is checked here, by the
    /// validator checkout's couponId rule lives in.
    /// </summary>
    private static async Task<IResult?> InvalidAsync(IValidator<Request> validator, Request request, CancellationToken ct)
    {
        var result = await validator.ValidateAsync(request, ct);
        return result.IsValid
            ? null
            : Results.ValidationProblem(result.Errors
                .GroupBy(e => Validation.JsonPath(e.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()));
    }

    private static List<CartLineRequest> LinesOf(Order past) =>
        past.Lines.Select(l => new CartLineRequest(l.ItemId, l.Quantity, l.Options.Select(o => o.Id).ToList())).ToList();

    private static List<CartLineRequest> Available(PricedCart cart) =>
        cart.Lines.Select(l => new CartLineRequest(l.ItemId, l.Quantity, l.Options.Select(o => o.Id).ToList())).ToList();

    /// <summary>Names come from the past order, since a removed item has no name on today's menu.</summary>
    private static List<UnavailableLineView> Unavailable(Order past, PricedCart cart) =>
        cart.Issues.Select(i => new UnavailableLineView(i.Index, i.ItemId, past.Lines[i.Index].Name, i.Reason, i.Message)).ToList();
}
