using Kaifan.BuildingBlocks.Http;
using Microsoft.AspNetCore.Http;

namespace Kaifan.Ordering.Orders;

internal static class OrderStatusFilter
{
    public static bool TryParse(string? text, out OrderStatus? status)
    {
        status = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (Enum.TryParse<OrderStatus>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(text, out _))
        {
            status = parsed;
            return true;
        }

        return false;
    }

    public static IResult Problem() =>
        Problems.Validation("status", $"未知的订单状态 (status must be one of {string.Join(", ", Enum.GetNames<OrderStatus>())})");
}
