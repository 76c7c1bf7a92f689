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

/// <summary>POST /api/merchant/orders/{id}/ready: 出餐, the food waits for a rider.</summary>
internal static class MarkOrderReady
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/api/merchant/orders/{id:guid}/ready", HandleAsync)
            .RequireAuthorization(Roles.Merchant)
            .WithTags("Merchant orders")
            .Produces<OrderView>();

    private static async Task<IResult> HandleAsync(
        Guid id, ClaimsPrincipal user, IDbContextOutbox<OrderingDb> outbox, IPersonalDataProtector protector, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await OrderChanges.StepAsync(
            await MerchantOrderLookup.FindAsync(outbox.DbContext, user, id, ct), outbox, protector, o => o.MarkReady(now), o => new OrderReady(o.Id, o.MerchantId, o.ZoneId, now), ct);
    }
}
