using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Growth.Referrals;

/// <summary>VoidedAt: when the friend was found to have ordered before accepting (不符合新人条件).</summary>
internal sealed record InvitedFriendExport(DateTimeOffset JoinedAt, DateTimeOffset? FirstOrderDeliveredAt, long RewardFen, DateTimeOffset? VoidedAt);

internal sealed record ReferralsExport(
    string? InviteCode, DateTimeOffset? InvitationAcceptedAt, long WelcomeCouponFen, DateTimeOffset? InvitationVoidedAt,
    IReadOnlyList<InvitedFriendExport> FriendsInvited);

/// <summary>The person's 邀请码, the invitation they accepted (not who sent it: that is the inviter's data) and the friends they invited, masked as on 邀请有礼.</summary>
internal sealed class ReferralsDataExport(GrowthDb db) : IPersonalDataExport
{
    public string Section => "referrals";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken ct)
    {
        var code = await db.InviteCodes.AsNoTracking().Where(c => c.CustomerId == userId).Select(c => c.Code).SingleOrDefaultAsync(ct);
        var accepted = await db.Referrals.AsNoTracking().SingleOrDefaultAsync(r => r.InviteeId == userId, ct);
        var invited = await db.Referrals.AsNoTracking().Where(r => r.InviterId == userId).ToListAsync(ct);
        if (code is null && accepted is null && invited.Count == 0)
        {
            return null;
        }

        return new ReferralsExport(
            code, accepted?.AcceptedAt, accepted?.InviteeCouponFen ?? 0, accepted?.VoidedAt,
            invited.OrderBy(r => r.AcceptedAt)
                .Select(r => new InvitedFriendExport(r.AcceptedAt, r.FirstOrderDeliveredAt, r.InviterRewardFen, r.VoidedAt)).ToList());
    }
}

/// <summary>
/// The referral rows stay for the books (what was granted, when) with the person's side replaced by an id that
/// belongs to nobody; their 邀请码 goes, so the link stops working, and the order that completed a referral is no
/// longer named.
/// </summary>
internal sealed class ReferralsErasure(GrowthDb db) : IPersonalDataErasure
{
    public Task<ErasureBlocker?> BlockerAsync(Guid userId, CancellationToken ct) => Task.FromResult<ErasureBlocker?>(null);

    public async Task EraseAsync(Guid userId, CancellationToken ct)
    {
        var nobody = Guid.NewGuid();
        await db.Referrals.Where(r => r.InviterId == userId).ExecuteUpdateAsync(s => s.SetProperty(r => r.InviterId, nobody), ct);
        await db.Referrals.Where(r => r.InviteeId == userId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.InviteeId, Guid.NewGuid())
            .SetProperty(r => r.FirstOrderId, (Guid?)null), ct);
        await db.InviteCodes.Where(c => c.CustomerId == userId).ExecuteDeleteAsync(ct);
    }
}
