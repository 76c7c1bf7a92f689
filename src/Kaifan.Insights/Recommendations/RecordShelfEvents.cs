using System.Security.Claims;
using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Insights.Recommendations;

/// <summary>
/// What the home page reports back: POST /api/recommendations/impressions with the shops the shelf showed (one call per
/// page view), and POST /api/recommendations/clicks when the customer opens one of them.
/// </summary>
internal static class RecordShelfEvents
{
    public const int MaxShops = 20;

    internal sealed record ImpressionsRequest(IReadOnlyList<Guid>? MerchantIds);

    internal sealed record ClickRequest(Guid MerchantId);

    internal sealed class ImpressionsValidator : AbstractValidator<ImpressionsRequest>
    {
        public ImpressionsValidator() => RuleFor(r => r.MerchantIds).NotNull().Must(ids => ids is { Count: >= 1 and <= MaxShops })
            .WithMessage($"每次上报1到{MaxShops}家店 (1 to {MaxShops} shops a call)");
    }

    internal sealed class ClickValidator : AbstractValidator<ClickRequest>
    {
        public ClickValidator() => RuleFor(r => r.MerchantId).NotEmpty();
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/api/recommendations/impressions", ImpressionsAsync)
            .RequireAuthorization(Roles.Customer).Validate<ImpressionsRequest>().WithTags("Insights").Produces(StatusCodes.Status204NoContent);
        api.MapPost("/api/recommendations/clicks", ClickAsync)
            .RequireAuthorization(Roles.Customer).Validate<ClickRequest>().WithTags("Insights").Produces(StatusCodes.Status204NoContent);
    }

    private static async Task<IResult> ImpressionsAsync(ImpressionsRequest request, ClaimsPrincipal user, InsightsDb db, TimeProvider clock, CancellationToken ct)
    {
        var customerId = user.UserId();
        var now = clock.GetUtcNow();
        db.ShopImpressions.AddRange(request.MerchantIds!.Distinct().Select(id => new ShopImpression
        {
            Id = Guid.CreateVersion7(now), CustomerId = customerId, MerchantId = id, ShownAt = now,
        }));
        await db.SaveChangesAsync(ct);
        return Results.NoContent();
    }

    /// <summary>The click goes to the latest showing of that shop to this customer in the last day; a click on a shop never shown changes nothing.</summary>
    private static async Task<IResult> ClickAsync(ClickRequest request, ClaimsPrincipal user, InsightsDb db, TimeProvider clock, CancellationToken ct)
    {
        var customerId = user.UserId();
        var now = clock.GetUtcNow();
        var since = now - ShelfAttributionHandler.Window;
        var latest = await db.ShopImpressions
            .Where(i => i.CustomerId == customerId && i.MerchantId == request.MerchantId && i.ShownAt >= since && i.ShownAt <= now)
            .OrderByDescending(i => i.ShownAt).FirstOrDefaultAsync(ct);
        if (latest is { ClickedAt: null })
        {
            latest.ClickedAt = now;
            await db.SaveChangesAsync(ct);
        }

        return Results.NoContent();
    }
}
