using System.Security.Claims;
using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Kaifan.Ordering.Delivery;
using Kaifan.Ordering.Merchant;
using Kaifan.Ordering.Orders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Ordering.Calls;

/// <summary>
/// POST /api/orders/{id}/calls {to}: 联系骑手 / 联系顾客 / 联系商家 through a 号码保护 relay number, by the order's customer,
/// its rider or its merchant's staff; the callee's real phone never leaves the server. A live binding from the same
/// caller to the same callee is answered again rather than a new one made. 409 naming `to` outside the window
/// (CallWindow); anyone not a party finds no order (404).
/// </summary>
internal static class RequestCall
{
    internal sealed record Request(string? To);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator() =>
            RuleFor(r => r.To).Must(to => to is not null && CallParties.All.Contains(to))
                .WithMessage("请选择联系谁 (to is one of customer, rider, merchant)");
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/api/orders/{id:guid}/calls", HandleAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.Customer, Roles.Rider, Roles.Merchant))
            .Validate<Request>()
            .WithTags("Ordering")
            .Produces<CallRelayView>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static async Task<IResult> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, OrderingDb db, IPrivacyNumbers relay, IStaffPhones staff, IPersonalDataProtector protector,
        TimeProvider clock, CancellationToken ct)
    {
        var caller = user.IsInRole(Roles.Customer) ? CallParties.Customer : user.IsInRole(Roles.Rider) ? CallParties.Rider : CallParties.Merchant;
        var order = await FindAsync(db, user, caller, id, ct);
        if (order is null)
        {
            return Problems.NotFound("订单");
        }

        var callee = request.To!;
        if (callee == caller)
        {
            return Problems.Validation("to", "不能联系自己 (to is another party of the order)");
        }

        var now = clock.GetUtcNow();
        if (CallWindow.Refusal(order, caller, callee, now) is { } refused)
        {
            return Problems.Conflict(refused, "to");
        }

        var callerUserId = user.UserId();
        var calleeId = callee switch
        {
            CallParties.Customer => order.CustomerId,
            CallParties.Rider => order.RiderId!.Value,
            _ => order.MerchantId,
        };

        var phone = callee switch
        {
            CallParties.Customer => protector.Unprotect(order.PhoneProtected),
            CallParties.Rider => await staff.RiderPhoneAsync(calleeId, ct),
            _ => await staff.MerchantPhoneAsync(calleeId, ct),
        };
        if (string.IsNullOrEmpty(phone) || phone == OrdersErasure.Tombstone)
        {
            return Problems.Conflict("对方号码已不可用 (the callee has no phone to reach)", "to");
        }

        // Two taps at once would each find no live binding and each bind one: the order's row, locked first (a no-op
        // update), lets them through one at a time, so the second finds the first's binding.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Orders.Where(o => o.Id == id).ExecuteUpdateAsync(s => s.SetProperty(o => o.Version, o => o.Version), ct);
        var live = await db.CallBindings
            .Where(b => b.OrderId == id && b.CallerUserId == callerUserId && b.CalleeParty == callee && b.ExpiresAt > now)
            .ToListAsync(ct);
        if (live.FirstOrDefault(b => b.CalleeId == calleeId) is { } reused)
        {
            return Results.Ok(CallRelayView.Of(reused));
        }

        // A binding to a rider since taken off the order must stop reaching them.
        foreach (var stale in live)
        {
            await relay.ReleaseAsync(new RelayNumber(stale.RelayNumber, stale.Extension), ct);
            stale.ExpiresAt = now;
        }

        var expiresAt = CallWindow.ExpiryOf(order, now);
        if (await relay.AssignAsync(phone, expiresAt, ct) is not { } number)
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return Results.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service unavailable",
                detail: "号码保护服务暂不可用，请稍后再试 (no relay number is available)", extensions: new Dictionary<string, object?> { ["field"] = "to" });
        }

        var binding = new CallBinding
        {
            Id = Guid.NewGuid(),
            OrderId = order.Id,
            CustomerId = order.CustomerId,
            CallerParty = caller,
            CallerUserId = callerUserId,
            CalleeParty = callee,
            CalleeId = calleeId,
            CalleePhoneProtected = protector.Protect(phone),
            RelayNumber = number.Number,
            Extension = number.Extension,
            CreatedAt = now,
            ExpiresAt = expiresAt,
        };
        db.CallBindings.Add(binding);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Results.Ok(CallRelayView.Of(binding));
    }

    private static async Task<Order?> FindAsync(OrderingDb db, ClaimsPrincipal user, string caller, Guid id, CancellationToken ct)
    {
        if (caller == CallParties.Customer)
        {
            var customerId = user.UserId();
            return await db.Orders.SingleOrDefaultAsync(o => o.Id == id && o.CustomerId == customerId, ct);
        }

        return caller == CallParties.Rider ? await RiderOrderLookup.FindAsync(db, user, id, ct) : await MerchantOrderLookup.FindAsync(db, user, id, ct);
    }
}
