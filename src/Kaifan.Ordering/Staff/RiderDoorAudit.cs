using System.Security.Claims;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Kaifan.Ordering.Orders;
using Microsoft.AspNetCore.Http;

namespace Kaifan.Ordering.Staff;

/// <summary>
/// The assigned rider reads the customer's whole door address (OrderView.ForRider): one audit entry per order and rider,
/// however often the app asks again.
/// </summary>
internal static class RiderDoorAudit
{
    public const string Action = "personal-data.address-shown-to-rider";

    public static async Task RecordAsync(IAuditLog audit, ClaimsPrincipal rider, Order? order, IResult result, CancellationToken ct)
    {
        if (order is not null && OrderView.RevealsDoorToRider(order) && result is IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK })
        {
            await audit.RecordOnceAsync(new AuditRecord(rider.UserId(), Roles.Rider, Action, "order", order.Id.ToString(), StatusCodes.Status200OK), ct);
        }
    }
}
