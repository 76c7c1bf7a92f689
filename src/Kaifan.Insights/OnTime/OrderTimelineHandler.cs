using Kaifan.Contracts.Events;
using Microsoft.EntityFrameworkCore;
using Wolverine;

namespace Kaifan.Insights.OnTime;

/// <summary>
/// Builds each order's timeline from the events, which come at least once and in any order (each on its own queue):
/// every handler sets only its own columns and only when still empty, so repeats change nothing. When the verdict
/// of a delivered order is complete (on time, or late with its cause), the zone's rolling on-time rate is checked for an alert.
/// </summary>
public static class OrderTimelineHandler
{
    public static Task Handle(OrderPlaced e, InsightsDb db, OnTimeSettings settings, TimeProvider clock, IMessageContext bus, CancellationToken ct) =>
        RecordAsync(db, settings, clock, bus, e.OrderId, t =>
        {
            t.ZoneId ??= e.ZoneId;
            t.MerchantId ??= e.MerchantId;
            t.PlacedAt ??= e.PlacedAt;
            t.ServiceTier ??= e.ServiceTier;
        }, ct);

    public static Task Handle(OrderPaid e, InsightsDb db, OnTimeSettings settings, TimeProvider clock, IMessageContext bus, CancellationToken ct) =>
        RecordAsync(db, settings, clock, bus, e.OrderId, t =>
        {
            t.MerchantId ??= e.MerchantId;
            t.PaidAt ??= e.PaidAt;
        }, ct);

    public static Task Handle(OrderAccepted e, InsightsDb db, OnTimeSettings settings, TimeProvider clock, IMessageContext bus, CancellationToken ct) =>
        RecordAsync(db, settings, clock, bus, e.OrderId, t =>
        {
            t.ZoneId ??= e.ZoneId;
            t.MerchantId ??= e.MerchantId;
            t.AcceptedAt ??= e.AcceptedAt;
            t.StatedPrepMinutes ??= e.PrepMinutes;
        }, ct);

    public static Task Handle(DeliveryPromised e, InsightsDb db, OnTimeSettings settings, TimeProvider clock, IMessageContext bus, CancellationToken ct) =>
        RecordAsync(db, settings, clock, bus, e.OrderId, t =>
        {
            t.ZoneId ??= e.ZoneId;
            t.MerchantId ??= e.MerchantId;
            if (t.PromisedAt is null)
            {
                t.PromisedAt = e.PromisedAt;
                t.PromisedPrepMinutes = e.PrepMinutes;
                t.PromisedPrepSource = e.PrepSource;
                t.PromisedToMerchantMinutes = e.ToMerchantMinutes;
                t.PromisedPickupServiceMinutes = e.PickupServiceMinutes;
                t.PromisedTravelMinutes = e.TravelMinutes;
                t.PromisedDropOffServiceMinutes = e.DropOffServiceMinutes;
            }
        }, ct);

    public static Task Handle(OrderReady e, InsightsDb db, OnTimeSettings settings, TimeProvider clock, IMessageContext bus, CancellationToken ct) =>
        RecordAsync(db, settings, clock, bus, e.OrderId, t =>
        {
            t.ZoneId ??= e.ZoneId;
            t.MerchantId ??= e.MerchantId;
            t.ReadyAt ??= e.ReadyAt;
        }, ct);

    public static Task Handle(RiderAssigned e, InsightsDb db, OnTimeSettings settings, TimeProvider clock, IMessageContext bus, CancellationToken ct) =>
        RecordAsync(db, settings, clock, bus, e.OrderId, t =>
        {
            t.ZoneId ??= e.ZoneId;
            t.RiderId ??= e.RiderId;
            t.RiderAssignedAt ??= e.AssignedAt;
        }, ct);

    public static Task Handle(RiderArrivedAtMerchant e, InsightsDb db, OnTimeSettings settings, TimeProvider clock, IMessageContext bus, CancellationToken ct) =>
        RecordAsync(db, settings, clock, bus, e.OrderId, t =>
        {
            t.RiderId ??= e.RiderId;
            t.ArrivedAtMerchantAt ??= e.ArrivedAt;
        }, ct);

    public static Task Handle(OrderPickedUp e, InsightsDb db, OnTimeSettings settings, TimeProvider clock, IMessageContext bus, CancellationToken ct) =>
        RecordAsync(db, settings, clock, bus, e.OrderId, t =>
        {
            t.RiderId ??= e.RiderId;
            t.PickedUpAt ??= e.PickedUpAt;
        }, ct);

    public static Task Handle(RiderArrivedAtCustomer e, InsightsDb db, OnTimeSettings settings, TimeProvider clock, IMessageContext bus, CancellationToken ct) =>
        RecordAsync(db, settings, clock, bus, e.OrderId, t =>
        {
            t.RiderId ??= e.RiderId;
            t.ArrivedAtCustomerAt ??= e.ArrivedAt;
        }, ct);

    public static Task Handle(OrderDelivered e, InsightsDb db, OnTimeSettings settings, TimeProvider clock, IMessageContext bus, CancellationToken ct) =>
        RecordAsync(db, settings, clock, bus, e.OrderId, t =>
        {
            t.RiderId ??= e.RiderId;
            t.DeliveredAt ??= e.DeliveredAt;
            t.DeliveryMethod ??= e.Method;
        }, ct);

    public static Task Handle(OrderCancelled e, InsightsDb db, OnTimeSettings settings, TimeProvider clock, IMessageContext bus, CancellationToken ct) =>
        RecordAsync(db, settings, clock, bus, e.OrderId, t =>
        {
            t.MerchantId ??= e.MerchantId;
            t.CancelledAt ??= e.CancelledAt;
        }, ct);

    private static async Task RecordAsync(
        InsightsDb db, OnTimeSettings settings, TimeProvider clock, IMessageContext bus, Guid orderId, Action<OrderTimeline> set, CancellationToken ct)
    {
        await LockRowAsync(db, orderId, ct);
        var timeline = await db.Timelines.SingleAsync(t => t.OrderId == orderId, ct);

        var verdictBefore = (timeline.OnTime, timeline.Cause);
        set(timeline);
        timeline.Assess(settings);
        if (!timeline.IsVerdictComplete() || (timeline.OnTime, timeline.Cause) == verdictBefore || timeline.ZoneId is not { } zoneId)
        {
            return;
        }

        // The window query must see this order's verdict: save it inside the handler's transaction first.
        await db.SaveChangesAsync(ct);
        if (await ZoneAlarm.CheckAsync(db, zoneId, settings, clock.GetUtcNow(), ct) is { } alert)
        {
            await bus.PublishAsync(alert);
        }
    }

    /// <summary>
    /// Creates the order's row if missing and holds it (an upsert takes the row lock) until the handler's transaction
    /// ends: two steps of one order handled at once take turns, so each assesses the verdict with the other's column.
    /// </summary>
    private static Task LockRowAsync(InsightsDb db, Guid orderId, CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(typeof(OrderTimeline))!;
        var table = entity.GetSchema() is { } schema && !db.Database.IsSqlite() ? $"\"{schema}\".\"{entity.GetTableName()}\"" : $"\"{entity.GetTableName()}\"";
        object key = db.Database.IsSqlite() ? orderId.ToString().ToUpperInvariant() : orderId;
        // The table name comes from the model, never from input; the key goes in as a parameter.
        var sql = "INSERT INTO " + table + " (\"OrderId\") VALUES ({0}) ON CONFLICT (\"OrderId\") DO UPDATE SET \"OrderId\" = excluded.\"OrderId\"";
        return db.Database.ExecuteSqlRawAsync(sql, [key], ct);
    }
}
