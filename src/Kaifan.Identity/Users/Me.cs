using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts.Queries;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;

namespace Kaifan.Identity.Users;

internal sealed record MeResponse(Guid UserId, string Role, string Phone, string? Name, Guid? MerchantId, Guid? RiderId);

/// <summary>The signed-in person's own profile: the one place their phone is shown unmasked.</summary>
internal static class Me
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/me", Handle).RequireAuthorization().WithTags("Identity").Produces<MeResponse>();

    private static async Task<IResult> Handle(ClaimsPrincipal principal, IdentityDb db, IPersonalDataProtector protector, CancellationToken ct)
    {
        var userId = principal.UserId();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct);
        return user is null || user.ErasedAt is not null
            ? Problems.NotFound("用户 (user)")
            : Results.Ok(new MeResponse(
                user.Id,
                user.Role,
                protector.Unprotect(user.PhoneCipher),
                user.NameCipher is null ? null : protector.Unprotect(user.NameCipher),
                user.MerchantId,
                user.RiderId));
    }
}
