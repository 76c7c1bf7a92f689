using Kaifan.BuildingBlocks.Http;
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

/// <summary>
/// GET /api/ops/users?role=&amp;riderId=…&amp;limit=500: the operator's list of people, by role and then the oldest account
/// first, phones and names always masked; the Kaifan-More header says whether more match. A console
/// that shows riders asks for the accounts of those riders only (at most <see cref="MaxRiderIds"/> a request, which keeps the
/// query line well inside Kestrel's 8 KB), so a station's size never hides a rider's phone.
/// </summary>
internal static class ListUsers
{
    public const int MaxRiderIds = 100;
    public const int DefaultLimit = 500;

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/ops/users", Handle).RequireAuthorization(Roles.Operator).WithTags("Identity").Produces<UserSummary[]>().ProducesValidationProblem();

    private static async Task<IResult> Handle(string? role, Guid[]? riderId, int? limit, HttpResponse response, IdentityDb db, IPersonalDataProtector protector, CancellationToken ct)
    {
        var riders = (riderId ?? []).Distinct().ToList();
        if (riders.Count > MaxRiderIds)
        {
            return Problems.Validation("riderId", $"一次最多查询{MaxRiderIds}名骑手 (at most {MaxRiderIds} riderId a request)");
        }

        if (ListLimit.Refusal(limit) is { } refused)
        {
            return refused;
        }

        var (users, more) = await db.Users.AsNoTracking()
            .Where(u => role == null || u.Role == role)
            .Where(u => riders.Count == 0 || (u.RiderId != null && riders.Contains(u.RiderId.Value)))
            .OrderBy(u => u.Role).ThenBy(u => u.CreatedAt).ThenBy(u => u.Id)
            .TakeWithMoreAsync(limit ?? DefaultLimit, ct);
        response.AnswerMore(more);
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
