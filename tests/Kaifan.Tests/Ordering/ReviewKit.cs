using System.Net;
using Kaifan.Tests.Delivery;
using Kaifan.Tests.Infrastructure;

namespace Kaifan.Tests.Ordering;

internal static class ReviewKit
{
    /// <summary>
    /// A paid order of the noodle shop taken by the rider, picked up and handed over at the door; the rider goes
    /// offline again so the next order is offered to whoever the next test names.
    /// </summary>
    public static async Task<Guid> DeliveredOrderAsync(this KaifanApp app, int customer, int rider)
    {
        var orderId = await app.AcceptedOrderAsync(customer, ready: true);
        await app.DeliverAsync(orderId, rider);
        return orderId;
    }

    public static async Task DeliverAsync(this KaifanApp app, Guid acceptedOrderId, int rider)
    {
        await app.AssignAsync(acceptedOrderId, rider);
        await app.PickUpAsync(rider, acceptedOrderId);
        (await app.StepAsync(rider, acceptedOrderId, "deliver", new { method = "door" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await app.OfflineAsync(rider);
    }
}
