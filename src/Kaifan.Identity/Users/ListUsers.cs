using Kaifan.BuildingBlocks.Security;
using Kaifan.Contracts.Queries;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Roles = Kaifan.Contracts.Roles;

namespace Kaifan.Identity.Users;

/// <summary>
/// ErasedAt: when the account was erased, by the person (注销) or, when Offboarded, by the station (离职); their phone and
/// name are gone, so MaskedPhone is empty.
/// </summary>
internal sealed record UserSummary(
    Guid UserId, string Role, string MaskedPhone, string? MaskedName, Guid? MerchantId, Guid? RiderId, DateTimeOffset? ErasedAt = null,
    bool Offboarded = false);

/// <summary>The operator's list of people; phones and names are always masked here.</summary>
internal static class ListUsers
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/ops/users", Handle).RequireAuthorization(Roles.Operator).WithTags("Identity").Produces<UserSummary[]>();

    private static async Task<IResult> Handle(string? role, IdentityDb db, IPersonalDataProtector protector, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking()
            .Where(u => role == null || u.Role == role)
            .OrderBy(u => u.Role).ThenBy(u => u.CreatedAt)
            .Take(500)
            .ToListAsync(ct);
        var erased = users.Where(u => u.ErasedAt is not null).Select(u => u.Id).ToList();
        var offboarded = (await db.PrivacyRequests.AsNoTracking()
            .Where(r => r.Kind == PrivacyRequest.Offboarding && erased.Contains(r.UserId))
            .Select(r => r.UserId)
            .ToListAsync(ct)).ToHashSet();
        return Results.Ok(users.Select(u => new UserSummary(
            u.Id,
            u.Role,
            u.ErasedAt is null ? Mask.Phone(protector.Unprotect(u.PhoneCipher)) : "",
            u.NameCipher is null ? null : Mask.Name(protector.Unprotect(u.NameCipher)),
            u.MerchantId,
            u.RiderId,
            u.ErasedAt,
            offboarded.Contains(u.Id))));
    }
}
