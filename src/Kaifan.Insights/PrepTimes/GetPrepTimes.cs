using System.Security.Claims;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Kaifan.Insights.OnTime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kaifan.Insights.PrepTimes;

/// <summary>CurrentHour is the hour of day in Shanghai now, so a console need not trust its own clock to pick a row.</summary>
internal sealed record PrepTimesView(Guid MerchantId, int CurrentHour, int MinSamples, int Weeks, IReadOnlyList<PrepHour> Hours);

/// <summary>
/// GET /api/merchants/{merchantId}/prep-times: the shop's learned prep minutes per hour of day beside what it stated,
/// the same figures its ETAs and pickups are planned on. For the shop's own staff and for operators.
/// </summary>
internal static class GetPrepTimes
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/merchants/{merchantId:guid}/prep-times", HandleAsync)
            .RequireAuthorization()
            .WithTags("Merchant console")
            .Produces<PrepTimesView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> HandleAsync(
        Guid merchantId, ClaimsPrincipal user, PrepTimeEstimates estimates, OnTimeSettings settings, ICatalogQueries catalog, TimeProvider clock,
        CancellationToken ct)
    {
        var ownShop = user.IsInRole(Roles.Merchant) && user.MerchantId() == merchantId;
        if (!ownShop && !user.IsInRole(Roles.Operator))
        {
            return Results.Problem(
                statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "只有本店员工和运营可查看 (only the shop's staff and operators)");
        }

        // An unknown shop would otherwise get 24 empty hours, and a cache entry of its own.
        if (await catalog.GetMerchantForOrderingAsync(merchantId, ct) is null)
        {
            return Problems.NotFound("商家 (merchant)");
        }

        var learned = await estimates.LearnedAsync(merchantId, ct);
        return Results.Ok(new PrepTimesView(
            merchantId, LearnedPrep.HourOf(clock.GetUtcNow()), settings.PrepMinSamples, settings.PrepLearningWeeks, learned.Hours()));
    }
}
