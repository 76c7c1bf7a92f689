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
/// POST /api/growth/communities/join: a customer joins by code (typed, or from the share link). Joining again is
/// harmless and answers the page (200); an unknown code is 404, a closed community 409, a dorm community whose zone the
/// customer keeps no address in 422, each naming "code". The member row and the count move in one transaction.
/// </summary>
internal static class JoinCommunity
{
    internal sealed record Request(string Code);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(r => r.Code).NotEmpty().WithMessage("请输入社群码 (the code is required)")
            .MaximumLength(CommunityRules.CodeLength * 2).WithMessage("社群码不正确 (no such community)");
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/api/growth/communities/join", HandleAsync)
            .RequireAuthorization(Roles.Customer)
            .Validate<Request>()
            .WithTags("Growth")
            .Produces<CommunityPageView>(StatusCodes.Status201Created)
            .Produces<CommunityPageView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> HandleAsync(Request request, ClaimsPrincipal user, GrowthDb db, ICustomerDirectory customers, TimeProvider clock, CancellationToken ct)
    {
        var me = user.UserId();
        var now = clock.GetUtcNow();
        var key = CommunityRules.KeyOf(request.Code);
        var community = await db.Communities.AsNoTracking().SingleOrDefaultAsync(c => c.Code == key, ct);
        if (community is null)
        {
            return CreateCommunity.NotFoundField("社群", CommunityRules.CodeField);
        }

        if (await db.CommunityMembers.AnyAsync(m => m.CommunityId == community.Id && m.CustomerId == me, ct))
        {
            return Results.Ok(await GetCommunity.PageAsync(db, customers, community, me, now, ct));
        }

        if (!community.IsOpen)
        {
            return Problems.Conflict("该社群已关闭 (the community is closed)", CommunityRules.CodeField);
        }

        if (community.ZoneId is { } zoneId && !await customers.HasAddressInZoneAsync(me, zoneId, ct))
        {
            return Problems.Unprocessable("该社群仅限本区域住户加入，请先添加该区域的收货地址 (only customers with an address in the community's zone may join)", CommunityRules.CodeField);
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            db.CommunityMembers.Add(new CommunityMember { Id = Guid.CreateVersion7(now), CommunityId = community.Id, CustomerId = me, JoinedAt = now });
            try
            {
                await db.SaveChangesAsync(ct);
                await db.Communities.Where(c => c.Id == community.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.MemberCount, c => c.MemberCount + 1), ct);
                await transaction.CommitAsync(ct);
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                // The same customer's parallel join won; they are a member either way.
                await transaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                return Results.Ok(await GetCommunity.PageAsync(db, customers, community, me, now, ct));
            }
        }

        var joined = await db.Communities.AsNoTracking().SingleAsync(c => c.Id == community.Id, ct);
        return Results.Json(await GetCommunity.PageAsync(db, customers, joined, me, now, ct), statusCode: StatusCodes.Status201Created);
    }
}
