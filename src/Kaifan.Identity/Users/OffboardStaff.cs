using System.Text.RegularExpressions;
using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts.Queries;
using Kaifan.Identity.Audit;
using Kaifan.Identity.SignIn;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Roles = Kaifan.Contracts.Roles;

namespace Kaifan.Identity.Users;

/// <summary>
/// POST /api/ops/staff/{userId}/offboard: the operator ends a merchant staff member's or a rider's access when they leave
/// (离职), and their personal data goes exactly as with 注销: the same module erasures, refused for the same reasons, the
/// same tombstoned account, the same end to their tokens. A shop's last staff account is kept, so someone can still accept
/// its orders. Audited by AuditStaffChanges as staff.offboarded, with the reason (ADR 0026).
/// </summary>
internal static partial class OffboardStaff
{
    internal sealed record Request(string? Reason);

    internal sealed partial class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Reason).Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("请填写离职原因 (a reason is required)")
                .MaximumLength(100);

            // The reason stays in the audit log, which is never erased: it must not carry anyone's phone number.
            RuleFor(r => r.Reason).Must(r => r is null || !PhoneLike().IsMatch(r))
                .WithMessage("离职原因中请勿填写电话号码 (no phone numbers in the reason)");
        }

        [GeneratedRegex(@"\d{7,}")]
        private static partial Regex PhoneLike();
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/ops/staff/{userId:guid}/offboard", HandleAsync).Validate<Request>().RequireAuthorization(Roles.Operator)
            .WithTags("Identity").Produces(StatusCodes.Status204NoContent).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> HandleAsync(
        Guid userId, Request request, HttpContext http, IEnumerable<IPersonalDataErasure> erasures, IdentityDb db, ValidatedTokens tokens,
        TimeProvider clock, CancellationToken ct)
    {
        AuditStaffChanges.AddDetail(http, "reason=" + request.Reason!.Trim());
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return Problems.NotFound("用户 (user)");
        }

        if (user.ErasedAt is not null)
        {
            return Problems.Conflict("该账号已离职或已注销 (this account has already been closed)", "userId");
        }

        if (user.Role is not (Roles.Merchant or Roles.Rider))
        {
            return Problems.Conflict("只有商家员工和骑手可办理离职；顾客自行注销 (only merchant staff and riders are offboarded)", "userId");
        }

        if (user.MerchantId is { } shop && !await OthersRemainAsync(db, shop, userId, ct))
        {
            return LastStaff();
        }

        var modules = erasures.ToList();
        if (await modules.FirstBlockerAsync(userId, ct) is { } blocker)
        {
            return Problems.Conflict(blocker.Detail, blocker.Reason);
        }

        await modules.EraseAllAsync(userId, ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // Two staff of one shop offboarded at once would each see the other still there: the shop's staff rows, locked
        // first (a no-op update), let them through one at a time, so the second sees the first gone. First, and all of
        // them in one statement: a transaction holding its own row while waiting for the shop's would deadlock with the
        // other's.
        if (user.MerchantId is { } merchantId)
        {
            await db.Users.Where(u => u.MerchantId == merchantId && u.Role == Roles.Merchant)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.Role, u => u.Role), ct);
        }

        // Two offboardings of one person (or an offboarding and their own 注销) meet here: one closes the account.
        var open = await db.Users.Where(u => u.Id == userId && u.ErasedAt == null).ExecuteUpdateAsync(s => s.SetProperty(u => u.Role, u => u.Role), ct);
        if (open == 0)
        {
            return Problems.Conflict("该账号已离职或已注销 (this account has already been closed)", "userId");
        }

        if (user.MerchantId is { } shopId && !await OthersRemainAsync(db, shopId, userId, ct))
        {
            return LastStaff();
        }

        var now = clock.GetUtcNow();
        user.Erase(now);
        db.PrivacyRequests.Add(new PrivacyRequest { Id = Guid.CreateVersion7(), UserId = userId, Kind = PrivacyRequest.Offboarding, At = now });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        tokens.Forget(userId);
        return Results.NoContent();
    }

    private static Task<bool> OthersRemainAsync(IdentityDb db, Guid merchantId, Guid userId, CancellationToken ct) =>
        db.Users.AnyAsync(u => u.MerchantId == merchantId && u.Role == Roles.Merchant && u.ErasedAt == null && u.Id != userId, ct);

    private static IResult LastStaff() =>
        Problems.Conflict("这是该店最后一个员工账号，店铺将无人接单 (the shop's last staff account: nobody would accept its orders)", "merchant");
}
