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
    /// Delivery: door (default) or locker, then LockerId names one of the zone's lockers.
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
        Guid? LockerId = null);

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
            RuleFor(r => r.ServiceTier).MaximumLength(16).Must(t => t is null or "standard" or "guaranteed" or "batch")
                .WithMessage("服务类型须为 standard、guaranteed 或 batch (serviceTier must be standard, guaranteed or batch)");
            RuleFor(r => r.Delivery).MaximumLength(16).Must(d => d is null or "door" or "locker")
                .WithMessage("送达方式须为 door 或 locker (delivery must be door or locker)");
            RuleFor(r => r.LockerId).Must(id => id is { } g && g != Guid.Empty).When(r => r.Delivery == "locker")
                .WithMessage("请选择外卖柜 (lockerId is required for a locker delivery)");
        }
    }

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
        CartQuoting quoting,
        OrderPlacement placement,
        Checkout checkout,
        IPersonalDataProtector protector,
        CancellationToken ct)
    {
        if (IdempotentRequests.CheckKey(idempotencyKey) is { } keyProblem)
        {
            return keyProblem;
        }

        var customerId = user.UserId();
        return await idempotent.RunAsync(customerId, idempotencyKey!, IdempotentRequests.Hash("place", request), async claim =>
        {
            var (quote, error) = await quoting.QuoteAsync(customerId, request.MerchantId, request.AddressId, request.Lines!, ct);
            if (error is not null)
            {
                return error;
            }

            var (choice, choiceError) = await checkout.ResolveAsync(
                quote!.Merchant.ZoneId, request.SpecialCare, request.ServiceTier, request.Delivery, request.LockerId, ct);
            if (choiceError is not null)
            {
                return choiceError;
            }

            if (choice!.Locker is { } locker)
            {
                // The ride ends at the locker, so the fee and the range are the locker's.
                (quote, error) = await quoting.QuoteAsync(customerId, request.MerchantId, request.AddressId, request.Lines!, ct, locker.Location);
                if (error is not null)
                {
                    return error;
                }
            }

            var dropOff = choice.Locker?.Location ?? quote!.Address.Location;
            return await checkout.BatchBlockerAsync(choice, quote!.Merchant.ZoneId, dropOff, ct) ?? await placement.PlaceAsync(
                customerId, quote, request.Note, request.CutleryCount, claim, order => OrderView.From(order, protector, masked: false), ct, choice);
        }, ct);
    }
}
