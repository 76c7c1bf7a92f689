using System.Security.Claims;
using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Kaifan.Ordering.Orders;
using Kaifan.Ordering.Pricing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Kaifan.Ordering.Placement;

/// <summary>POST /api/orders: places an order from a cart, exactly once per Idempotency-Key.</summary>
internal static class PlaceOrder
{
    /// <summary>
    /// SpecialCare: 特殊关照 (pregnant, unwell…), dispatched first. ServiceTier: standard (default), guaranteed (准时宝,
    /// a small fee, ±3-minute promise, coupon when missed) or batch (校园拼单, leaves with its line's next run).
    /// Delivery: door (default) or locker, then LockerId names one of the zone's lockers. CouponId: one of the customer's
    /// unused, unexpired coupons whose minimum spend the items meet; it is spent with the order and given back if the
    /// order is cancelled. GroupDealId opens a 拼团 group, GroupId joins one: the cart is then the deal's dish alone, one
    /// portion, at the group price; the paid order waits (待成团) until the group forms. PresaleId joins a 预售接龙: the
    /// cart is the chain's dish alone, up to its per-customer limit; the paid order is held (预售中) until delivery day.
    /// </summary>
    internal sealed record Request(
        Guid MerchantId,
        Guid AddressId,
        IReadOnlyList<CartLineRequest>? Lines,
        string? Note,
        int CutleryCount = 0,
        bool SpecialCare = false,
        string? ServiceTier = null,
        string? Delivery = null,
        Guid? LockerId = null,
        Guid? CouponId = null,
        Guid? GroupDealId = null,
        Guid? GroupId = null,
        Guid? PresaleId = null) : ICheckoutChoices;

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.MerchantId).NotEmpty().WithMessage(CartMessages.MerchantRequired);
            RuleFor(r => r.AddressId).NotEmpty().WithMessage(CartMessages.AddressRequired);
            RuleFor(r => r.Lines).NotEmpty().WithMessage(CartMessages.LinesRequired).Must(l => l is null || l.Count <= 50).WithMessage(CartMessages.TooManyLines);
            RuleForEach(r => r.Lines).NotNull().SetValidator(new CartLineRequestValidator());
            RuleFor(r => r.Note).MaximumLength(200).WithMessage("备注最多200字 (note is at most 200 characters)");
            RuleFor(r => r.CutleryCount).InclusiveBetween(0, 20).WithMessage("餐具数量须在0到20之间 (cutleryCount must be 0..20)");
            Include(new CheckoutChoicesValidator());
        }
    }

    internal const string HealthConsentRequired =
        "特殊关照属于健康信息，需先单独同意 (specialCare needs the customer's health consent: PUT /api/me/consents/health)";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/api/orders", HandleAsync)
            .RequireAuthorization(Roles.Customer)
            .Validate<Request>()
            .WithTags("Ordering")
            .Produces<OrderView>(StatusCodes.Status201Created);

    private static async Task<IResult> HandleAsync(
        Request request,
        [FromHeader(Name = IdempotentRequests.Header)] string? idempotencyKey,
        ClaimsPrincipal user,
        IdempotentRequests idempotent,
        OrderPlacement placement,
        Checkout checkout,
        IPersonalDataProtector protector,
        IConsents consents,
        CancellationToken ct)
    {
        if (IdempotentRequests.CheckKey(idempotencyKey) is { } keyProblem)
        {
            return keyProblem;
        }

        var customerId = user.UserId();
        return await idempotent.RunAsync(customerId, idempotencyKey!, IdempotentRequests.Hash("place", request), async claim =>
        {
            // 特殊关照 says the customer is pregnant or unwell: health information, which is stored with the order and
            // shown to the rider only with its own consent (PIPL art. 29). A quote keeps nothing, so only placing asks.
            if (request.SpecialCare && !await consents.HasConsentAsync(customerId, ConsentPurposes.Health, ct))
            {
                return Problems.Unprocessable(HealthConsentRequired, "specialCare");
            }

            var (priced, error) = await checkout.PriceAsync(customerId, request.MerchantId, request.AddressId, request.Lines!, request.Options(), ct);
            return error ?? await placement.PlaceAsync(
                customerId, priced!.Quote, request.Note, request.CutleryCount, claim, order => OrderView.From(order, protector, masked: false), ct, priced);
        }, ct);
    }
}
