using System.Security.Claims;
using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.BuildingBlocks.Storage;
using Kaifan.Contracts;
using Kaifan.Contracts.Events;
using Kaifan.Contracts.Queries;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Wolverine.EntityFrameworkCore;

namespace Kaifan.Growth.Referrals;

/// <summary>
/// POST /api/growth/referrals/accept: a new customer binds to the friend whose code they were given and gets the
/// 新人红包 at once. Every refusal names "code": no such code (404), their own (422), already bound to someone (409),
/// the code of a friend they invited themselves (422: no inviting each other), not new, having had an order paid (422).
/// The binding and the coupon grant commit together; the unique invitee and the unique pair make a parallel second
/// acceptance, or the friend's acceptance of this customer's code at the same moment, a 409 that grants nothing.
/// The "not new" check can miss a payment committing at this moment; ReferralVerdict settles it once the order is paid.
/// </summary>
internal static class AcceptInvitation
{
    public const string InviteeReason = "邀请有礼·新人红包 (welcome coupon from a friend)";

    internal sealed record Request(string Code);

    internal sealed record Response(Guid CouponId, long AmountFen, long MinSpendFen, DateTimeOffset ExpiresAt);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(r => r.Code).NotEmpty().WithMessage("请输入邀请码 (the code is required)")
            .MaximumLength(InviteCodes.Length * 3).WithMessage("邀请码不正确 (no such code)");
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/api/growth/referrals/accept", HandleAsync)
            .RequireAuthorization(Roles.Customer)
            .Validate<Request>()
            .WithTags("Growth")
            .Produces<Response>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> HandleAsync(
        Request request, ClaimsPrincipal user, IDbContextOutbox<GrowthDb> outbox, ICustomerOrderHistory orders, ReferralSettings settings,
        TimeProvider clock, CancellationToken ct)
    {
        var db = outbox.DbContext;
        var customerId = user.UserId();
        var key = InviteCodes.Normalize(request.Code);
        var inviter = await db.InviteCodes.AsNoTracking().SingleOrDefaultAsync(c => c.Code == key, ct);
        if (inviter is null)
        {
            return InviteCodes.NoSuchCode();
        }

        if (inviter.CustomerId == customerId)
        {
            return Problems.Unprocessable("这是你自己的邀请码，请分享给好友 (this is your own code)", InviteCodes.Field);
        }

        if (await db.Referrals.AnyAsync(r => r.InviteeId == customerId, ct))
        {
            return AlreadyInvited();
        }

        if (await db.Referrals.AnyAsync(r => r.InviterId == customerId && r.InviteeId == inviter.CustomerId, ct))
        {
            return Problems.Unprocessable("你已邀请过这位好友，不能互相邀请 (you invited this friend; friends cannot invite each other)", InviteCodes.Field);
        }

        if (await orders.HasPaidOrderAsync(customerId, ct))
        {
            return Problems.Unprocessable("邀请有礼仅限新用户，你已下过单 (only for customers who have never ordered)", InviteCodes.Field);
        }

        var now = clock.GetUtcNow();
        var couponId = Guid.CreateVersion7(now);
        var (low, high) = Referral.PairOf(customerId, inviter.CustomerId);
        var expiresAt = now.AddDays(settings.InviteeCouponDays);
        db.Referrals.Add(new Referral
        {
            Id = couponId, InviterId = inviter.CustomerId, InviteeId = customerId, AcceptedAt = now, InviteeCouponFen = settings.InviteeAmountFen,
            PairLow = low, PairHigh = high,
        });
        await outbox.PublishAsync(new CouponGranted(
            couponId, customerId, settings.InviteeAmountFen, settings.InviteeMinSpendFen, InviteeReason, now, expiresAt));
        try
        {
            await outbox.SaveChangesAndFlushMessagesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // The same customer's parallel acceptance (of this code or another), or the friend's of this customer's code, bound first.
            return Problems.Conflict("你已接受过好友邀请，或这位好友刚接受了你的邀请 (an invitation was accepted at the same moment)", InviteCodes.Field);
        }

        return Results.Json(
            new Response(couponId, settings.InviteeAmountFen, settings.InviteeMinSpendFen, expiresAt), statusCode: StatusCodes.Status201Created);
    }

    private static IResult AlreadyInvited() => Problems.Conflict("你已接受过好友邀请 (you already accepted an invitation)", InviteCodes.Field);
}
