using System.Security.Claims;
using Kaifan.Contracts;

namespace Kaifan.BuildingBlocks.Http;

public static class CurrentUser
{
    public static Guid UserId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(KaifanClaims.UserId) ?? throw new InvalidOperationException("No user id claim."));

    public static Guid? MerchantId(this ClaimsPrincipal user) => OptionalGuid(user, KaifanClaims.MerchantId);

    public static Guid? RiderId(this ClaimsPrincipal user) => OptionalGuid(user, KaifanClaims.RiderId);

    private static Guid? OptionalGuid(ClaimsPrincipal user, string claim) =>
        Guid.TryParse(user.FindFirstValue(claim), out var id) ? id : null;
}
