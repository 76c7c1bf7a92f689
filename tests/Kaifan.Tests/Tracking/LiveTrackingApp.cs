using System.Net;
using System.Net.Http.Json;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;
using static Kaifan.Tests.Delivery.DeliveryKit;

namespace Kaifan.Tests.Tracking;

/// <summary>Lunchtime, with live positions looked up every 100 ms rather than every 3 s, so a whole delivery streams in seconds.</summary>
public abstract class LiveTrackingApp(Provider provider) : LunchtimeApp(provider)
{
    public static readonly TimeSpan PositionInterval = TimeSpan.FromMilliseconds(100);

    protected override void Configure(IDictionary<string, string?> configuration) =>
        configuration["Kaifan:Tracking:PositionInterval"] = PositionInterval.ToString();
}

public sealed class LiveTrackingSqliteApp() : LiveTrackingApp(Provider.Sqlite);

public sealed class LiveTrackingPostgresApp() : LiveTrackingApp(Provider.Postgres);

internal static class LiveTrackingKit
{
    /// <summary>
    /// The rider goes online and takes this order. Other tests of the class may have left orders waiting in the zone:
    /// offers without this order are declined, so the dispatcher comes round to it.
    /// </summary>
    public static async Task TakeAsync(this KaifanApp app, Guid orderId, int rider)
    {
        await app.OnlineAsync(rider);
        Guid? taken = null;
        await PaymentProbe.EventuallyAsync(
            async () =>
            {
                await app.Zone(EastZone).RunRound();
                foreach (var offer in await app.OffersAsync(rider))
                {
                    var offerId = offer!["offerId"]!.GetValue<Guid>();
                    if (offer["orders"]!.AsArray().Any(o => o!["orderId"]!.GetValue<Guid>() == orderId))
                    {
                        taken = offerId;
                        return true;
                    }

                    await app.Rider(rider).PostAsync($"/api/rider/offers/{offerId}/decline", null);
                }

                return false;
            },
            $"order {orderId} is offered to rider {rider}");

        (await app.Rider(rider).PostAsync($"/api/rider/offers/{taken}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await PaymentProbe.EventuallyAsync(
            async () => (await app.Rider(rider).GetAsync($"/api/rider/orders/{orderId}")).StatusCode == HttpStatusCode.OK,
            "Ordering records the rider");
    }

    /// <summary>A ping a few seconds after the last one, so the rider's position carries a new time.</summary>
    public static async Task PingAsync(this KaifanApp app, int rider, double latitude, double longitude)
    {
        app.Clock.Advance(TimeSpan.FromSeconds(5));
        var ping = await app.Rider(rider).PostAsJsonAsync("/api/rider/location", new { latitude, longitude });
        ping.StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    public static async Task StepOkAsync(this KaifanApp app, int rider, Guid orderId, string step, object? body = null)
    {
        app.Clock.Advance(TimeSpan.FromSeconds(10));
        var response = await app.StepAsync(rider, orderId, step, body);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
