using System.Security.Claims;
using Kaifan.Contracts;
using Kaifan.Contracts.Events;
using Kaifan.Contracts.Queries;
using Kaifan.Ordering.Orders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wolverine.EntityFrameworkCore;

namespace Kaifan.Ordering.Merchant;

/// <summary>POST /api/merchant/orders/{id}/urge/ack: 知道了 on a 催单, which silences the shop's alert for it (出餐 does too).</summary>
internal static class AcknowledgeUrge
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/api/merchant/orders/{id:guid}/urge/ack", HandleAsync)
            .RequireAuthorization(Roles.Merchant)
            .WithTags("Merchant orders")
            .Produces<OrderView>();

    private static async Task<IResult> HandleAsync(
        Guid id, ClaimsPrincipal user, IDbContextOutbox<OrderingDb> outbox, IPersonalDataProtector protector, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();

        // Published so every open console of the shop stops ringing, not only the one that tapped.
        return await OrderChanges.StepAsync(
            await MerchantOrderLookup.FindAsync(outbox.DbContext, user, id, ct), outbox, protector, o => o.AcknowledgeUrge(now), o => new OrderUrgeHandled(o.Id, o.MerchantId, now), ct);
    }
}
