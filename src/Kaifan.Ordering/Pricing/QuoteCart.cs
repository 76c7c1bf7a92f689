using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kaifan.Ordering.Pricing;

/// <summary>POST /api/carts/quote: the cart priced by the server, with what can no longer be had.</summary>
internal static class QuoteCart
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/api/carts/quote", HandleAsync)
            .RequireAuthorization(Roles.Customer)
            .Validate<CartRequest>()
            .WithTags("Ordering")
            .Produces<CartQuoteView>();

    private static async Task<IResult> HandleAsync(CartRequest request, System.Security.Claims.ClaimsPrincipal user, CartQuoting quoting, CancellationToken ct)
    {
        var (quote, error) = await quoting.QuoteAsync(user.UserId(), request.MerchantId, request.AddressId, request.Lines!, ct);
        if (error is not null)
        {
            return error;
        }

        if (quote!.Cart.Issues.FirstOrDefault(i => i.Invalid) is { } invalid)
        {
            return Problems.Unprocessable(invalid.Message, invalid.Field);
        }

        return Results.Ok(CartQuoteView.From(quote));
    }
}
