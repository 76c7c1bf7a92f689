using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Ordering.Placement;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kaifan.Ordering.Pricing;

/// <summary>
/// POST /api/carts/quote: the cart priced by the server, with what can no longer be had; with checkout choices
/// (serviceTier, delivery/lockerId, couponId) it prices them as placing would and answers the same errors.
/// </summary>
internal static class QuoteCart
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/api/carts/quote", HandleAsync)
            .RequireAuthorization(Roles.Customer)
            .Validate<CartRequest>()
            .WithTags("Ordering")
            .Produces<CartQuoteView>();

    private static async Task<IResult> HandleAsync(CartRequest request, System.Security.Claims.ClaimsPrincipal user, Checkout checkout, CancellationToken ct)
    {
        var (priced, error) = await checkout.PriceAsync(user.UserId(), request.MerchantId, request.AddressId, request.Lines!, request.Options(), ct);
        if (error is not null)
        {
            return error;
        }

        if (priced!.Quote.Cart.Issues.FirstOrDefault(i => i.Invalid) is { } invalid)
        {
            return Problems.Unprocessable(invalid.Message, invalid.Field);
        }

        return Results.Ok(CartQuoteView.From(priced));
    }
}
