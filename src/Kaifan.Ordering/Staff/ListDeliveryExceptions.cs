using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Ordering.Orders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Ordering.Staff;

/// <summary>One row of the 配送异常 queue: the order, its rider, the kind and the rider's note, when reported and whether overdue.</summary>
internal sealed record DeliveryExceptionRow(
    Guid OrderId, string Number, string MerchantName, Guid ZoneId, string Status, Guid? RiderId, string Kind, string KindText, string? Note,
    DateTimeOffset ReportedAt, bool Overdue, bool PickedUp);

/// <summary>
/// GET /api/ops/delivery-exceptions?zoneId=&amp;limit=500: the open 配送异常, oldest first, of one zone or all; operators
/// only. The Kaifan-More header says whether newer ones wait beyond those listed.
/// </summary>
internal static class ListDeliveryExceptions
{
    public const int DefaultLimit = 500;

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/api/ops/delivery-exceptions", HandleAsync)
            .RequireAuthorization(Roles.Operator)
            .WithTags("Ops orders")
            .Produces<List<DeliveryExceptionRow>>()
            .ProducesValidationProblem();

    private static async Task<IResult> HandleAsync(Guid? zoneId, int? limit, HttpResponse response, OrderingDb db, CancellationToken ct)
    {
        if (ListLimit.Refusal(limit) is { } refused)
        {
            return refused;
        }

        var query = db.Orders.AsNoTracking().Where(o => o.ExceptionOpen);
        if (zoneId is { } zone)
        {
            query = query.Where(o => o.ZoneId == zone);
        }

        var (open, more) = await query.OrderBy(o => o.ExceptionReportedAt).ThenBy(o => o.Id).TakeWithMoreAsync(limit ?? DefaultLimit, ct);
        response.AnswerMore(more);
        return Results.Ok(open.Select(o => new DeliveryExceptionRow(
            o.Id, o.Number, o.MerchantName, o.ZoneId, o.Status.ToString(), o.ExceptionRiderId, o.ExceptionKind!, DeliveryExceptionText.Of(o.ExceptionKind!),
            o.ExceptionNote, o.ExceptionReportedAt!.Value, o.ExceptionOverdueAt is not null, o.PickedUpAt is not null)).ToList());
    }
}
