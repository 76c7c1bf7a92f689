using System.Security.Claims;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Growth.Referrals;

/// <summary>What the friend's landing page offers; it names no inviter. Own says the code is the caller's own.</summary>
internal sealed record InvitationOffer(string Code, long AmountFen, long MinSpendFen, int CouponDays, bool Own);

/// <summary>GET /api/growth/referrals/invitations/{code}: the 新人红包 a code offers, or 404 naming "code".</summary>
internal static class GetInvitation
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/api/growth/referrals/invitations/{code}", HandleAsync)
            .RequireAuthorization(Roles.Customer)
            .WithTags("Growth")
            .Produces<InvitationOffer>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> HandleAsync(string code, ClaimsPrincipal user, GrowthDb db, ReferralSettings settings, CancellationToken ct)
    {
        var key = InviteCodes.Normalize(code);
        var owner = await db.InviteCodes.AsNoTracking().Where(c => c.Code == key).Select(c => (Guid?)c.CustomerId).SingleOrDefaultAsync(ct);
        return owner is null
            ? InviteCodes.NoSuchCode()
            : Results.Ok(new InvitationOffer(key, settings.InviteeAmountFen, settings.InviteeMinSpendFen, settings.InviteeCouponDays, owner == user.UserId()));
    }
}
