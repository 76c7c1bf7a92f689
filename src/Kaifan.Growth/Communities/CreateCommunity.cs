using System.Security.Claims;
using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.BuildingBlocks.Storage;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Growth.Communities;

/// <summary>
/// POST /api/ops/growth/communities (the station's) and POST /api/merchant/communities (the merchant's shop's): a new
/// 社群 with a fresh join code. The operator may admit only customers with an address in one zone (zoneId); a zone that
/// does not exist is 404 naming "zoneId".
/// </summary>
internal static class CreateCommunity
{
    internal sealed record Request(string Name, string? Description, Guid? ZoneId);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Name).NotEmpty().WithMessage("请输入社群名称 (the name is required)")
                .MaximumLength(CommunityRules.NameLength).WithMessage($"社群名称最多{CommunityRules.NameLength}个字 (the name is too long)");
            RuleFor(r => r.Description).MaximumLength(CommunityRules.DescriptionLength)
                .WithMessage($"社群介绍最多{CommunityRules.DescriptionLength}个字 (the description is too long)");
        }
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost(CommunityOwnership.OpsRoute, (Request request, GrowthDb db, ICatalogQueries catalog, TimeProvider clock, CancellationToken ct) =>
                CreateAsync(request, null, db, catalog, clock, ct))
            .RequireAuthorization(Roles.Operator)
            .Validate<Request>()
            .WithTags("Growth")
            .Produces<CommunityView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost(CommunityOwnership.MerchantRoute, (Request request, ClaimsPrincipal user, GrowthDb db, ICatalogQueries catalog, TimeProvider clock, CancellationToken ct) =>
                CreateAsync(request with { ZoneId = null }, user.MerchantId()!.Value, db, catalog, clock, ct))
            .RequireAuthorization(Roles.Merchant)
            .Validate<Request>()
            .WithTags("Growth")
            .Produces<CommunityView>(StatusCodes.Status201Created);
    }

    private static async Task<IResult> CreateAsync(Request request, Guid? merchantId, GrowthDb db, ICatalogQueries catalog, TimeProvider clock, CancellationToken ct)
    {
        string? merchantName = null;
        if (merchantId is { } shop)
        {
            merchantName = (await catalog.GetMerchantForOrderingAsync(shop, ct))?.Name;
            if (merchantName is null)
            {
                return Problems.NotFound("商家");
            }
        }

        if (request.ZoneId is { } zoneId && await catalog.GetZoneAsync(zoneId, ct) is null)
        {
            return NotFoundField("配送区域", "zoneId");
        }

        var now = clock.GetUtcNow();
        for (var attempt = 0; ; attempt++)
        {
            var community = new Community
            {
                Id = Guid.CreateVersion7(now), Name = request.Name.Trim(), Description = request.Description?.Trim() ?? "", Code = CommunityRules.NewCode(),
                MerchantId = merchantId, MerchantName = merchantName, ZoneId = request.ZoneId, CreatedAt = now,
            };
            db.Communities.Add(community);
            try
            {
                await db.SaveChangesAsync(ct);
                return Results.Json((await CommunityView.OfAsync(db, [community], now, ct)).Single(), statusCode: StatusCodes.Status201Created);
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation() && attempt < 3)
            {
                // 31^6 codes: a clash is rare, another draw settles it.
                db.ChangeTracker.Clear();
            }
        }
    }

    internal static IResult NotFoundField(string what, string field) =>
        Problems.NotFoundAt(field, $"{what} 不存在 (not found)");
}
