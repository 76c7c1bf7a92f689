using System.Security.Claims;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Payments;

/// <summary>GET /api/payments/{paymentId}: the customer's own payment; anyone else's reads as not found.</summary>
internal static class GetPayment
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/payments/{paymentId:guid}", Handle)
            .RequireAuthorization(Roles.Customer)
            .WithTags("Payments")
            .WithSummary("查看支付 (a payment of mine)")
            .Produces<PaymentView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> Handle(Guid paymentId, ClaimsPrincipal user, PaymentsDb db, CancellationToken ct)
    {
        var customerId = user.UserId();
        var payment = await db.Intents.AsNoTracking().FirstOrDefaultAsync(p => p.Id == paymentId && p.CustomerId == customerId, ct);
        return payment is null ? Problems.NotFound("支付 (payment)") : Results.Ok(PaymentView.Of(payment));
    }
}
