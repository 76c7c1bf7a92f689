using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts.Queries;
using Kaifan.Identity.SignIn;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Roles = Kaifan.Contracts.Roles;

namespace Kaifan.Identity.Users;

/// <summary>
/// POST /api/ops/staff: the operator registers a merchant's staff member (for an existing shop) or a rider (who gets
/// a new rider id, the same as their user id like the demo riders'); they then sign in with their phone as anyone does.
/// </summary>
internal static class OnboardStaff
{
    internal sealed record Request(string Phone, string Name, string Role, Guid? MerchantId);

    internal sealed record Response(Guid UserId, string Role, Guid? MerchantId, Guid? RiderId);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Phone).Must(PhoneNumbers.IsValid).WithMessage("请输入正确的手机号 (a mainland mobile number)");
            RuleFor(r => r.Name).NotEmpty().MaximumLength(20);
            RuleFor(r => r.Role).NotEmpty().MaximumLength(16).Must(r => r is Roles.Merchant or Roles.Rider)
                .WithMessage("角色须为 merchant 或 rider (role must be merchant or rider)");
            RuleFor(r => r.MerchantId).NotEmpty().When(r => r.Role == Roles.Merchant).WithMessage("请指定商家 (merchantId is required for merchant staff)");
            RuleFor(r => r.MerchantId).Null().When(r => r.Role == Roles.Rider).WithMessage("骑手不属于商家 (a rider has no merchantId)");
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/ops/staff", Handle).Validate<Request>().RequireAuthorization(Roles.Operator)
            .WithTags("Identity").Produces<Response>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> Handle(
        Request request, IdentityDb db, IPersonalDataProtector protector, [FromServices] ICatalogQueries catalog, TimeProvider clock, CancellationToken ct)
    {
        if (request.MerchantId is { } merchantId && await catalog.GetMerchantForOrderingAsync(merchantId, ct) is null)
        {
            return Problems.NotFound("商家 (merchant)");
        }

        var phone = PhoneNumbers.Normalize(request.Phone);
        var phoneHash = protector.LookupHash(phone);
        if (await db.Users.AnyAsync(u => u.PhoneHash == phoneHash, ct))
        {
            return Problems.Conflict("该手机号已注册 (this phone already has an account)", "phone");
        }

        var id = Guid.CreateVersion7();
        var user = new User
        {
            Id = id,
            Role = request.Role,
            PhoneCipher = protector.Protect(phone),
            PhoneHash = phoneHash,
            NameCipher = protector.Protect(request.Name.Trim()),
            MerchantId = request.MerchantId,
            RiderId = request.Role == Roles.Rider ? id : null,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique phone index caught a registration racing this one.
            return Problems.Conflict("该手机号已注册 (this phone already has an account)", "phone");
        }

        return Results.Created($"/api/ops/users/{id}", new Response(id, user.Role, user.MerchantId, user.RiderId));
    }
}
