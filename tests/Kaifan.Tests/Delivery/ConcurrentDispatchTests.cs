using System.Collections.Concurrent;
using System.Net;
using Kaifan.BuildingBlocks;
using Kaifan.Dispatch;
using Kaifan.Dispatch.Riders;
using Kaifan.Ordering;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Tests.Delivery;

/// <summary>Thirty orders, ten riders in one zone answering offers at once (each accept sent twice): every order goes to exactly one rider, none above capacity.</summary>
public abstract class ConcurrentDispatchTests(LunchtimeApp app)
{
    [Fact]
    public async Task thirty_orders_and_ten_riders_accepting_in_parallel_give_every_order_exactly_one_rider_within_capacity()
    {
        var orderIds = new List<Guid>();
        foreach (var batch in Enumerable.Range(0, 30).Chunk(6))
        {
            orderIds.AddRange(await Task.WhenAll(batch.Select(i => app.AcceptedOrderAsync(customer: i % DemoCampus.CustomerCount + 1))));
        }

        var riders = Enumerable.Range(1, 10).ToArray();
        for (var i = 0; i < riders.Length; i++)
        {
            await app.OnlineAsync(riders[i], latOffset: 0.0005 * i);
        }

        var accepted = new ConcurrentBag<Guid>();
        var wins = new ConcurrentDictionary<Guid, int>();
        try
        {
            await PaymentProbe.EventuallyAsync(
                async () =>
                {
                    await Task.WhenAll(app.Zone(DeliveryKit.EastZone).RunRound(), app.Zone(DeliveryKit.EastZone).RunRound());
                    await Task.WhenAll(riders.Select(async rider =>
                    {
                        foreach (var offer in await app.OffersAsync(rider))
                        {
                            var offerId = offer!["offerId"]!.GetValue<Guid>();
                            var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => app.Rider(rider).PostAsync($"/api/rider/offers/{offerId}/accept", null)));
                            var ok = answers.Count(a => a.StatusCode == HttpStatusCode.OK);
                            wins.AddOrUpdate(offerId, ok, (_, n) => n + ok);
                            if (ok > 0)
                            {
                                foreach (var order in offer["orders"]!.AsArray())
                                {
                                    accepted.Add(order!["orderId"]!.GetValue<Guid>());
                                }
                            }
                        }
                    }));
                    if (orderIds.All(accepted.Contains))
                    {
                        return true;
                    }

                    // Ten riders take at most 29 orders in first bundles (three a bundle, two for the walker); the rest
                    // waits for a busy rider's route to end, as the optimiser plans it. These riders never move, so
                    // the clock does until a held order can wait no longer and goes to a busy rider after their route.
                    await app.AdvanceAsync(TimeSpan.FromMinutes(3), riders);
                    return false;
                },
                "all thirty orders are accepted",
                seconds: 60);
        }
        finally
        {
            await app.OfflineAsync(riders);
        }

        wins.Values.ShouldAllBe(n => n == 1);
        accepted.Count.ShouldBe(30);
        accepted.Distinct().Count().ShouldBe(30);

        await using var scope = app.Services.CreateAsyncScope();
        var dispatch = scope.ServiceProvider.GetRequiredService<DispatchDb>();
        var jobs = await dispatch.Jobs.AsNoTracking().Where(j => orderIds.Contains(j.OrderId)).ToListAsync();
        jobs.Count.ShouldBe(30);
        jobs.ShouldAllBe(j => j.RiderId != null);
        var capacity = await dispatch.Riders.AsNoTracking().ToDictionaryAsync(r => r.RiderId, r => r.Capacity);
        foreach (var load in jobs.GroupBy(j => j.RiderId!.Value))
        {
            load.Count().ShouldBeLessThanOrEqualTo(capacity[load.Key], $"rider {load.Key} carries more than their capacity");
        }

        var ordering = scope.ServiceProvider.GetRequiredService<OrderingDb>();
        var riderOf = jobs.ToDictionary(j => j.OrderId, j => j.RiderId);
        await PaymentProbe.EventuallyAsync(
            async () =>
            {
                var recorded = await ordering.Orders.AsNoTracking().Where(o => orderIds.Contains(o.Id)).Select(o => new { o.Id, o.RiderId }).ToListAsync();
                return recorded.All(o => o.RiderId == riderOf[o.Id]);
            },
            "Ordering records the same rider as Dispatch for every order");
    }
}

public sealed class ConcurrentDispatchOnSqlite(QuickPingSqliteApp app) : ConcurrentDispatchTests(app), IClassFixture<QuickPingSqliteApp>;

public sealed class ConcurrentDispatchOnPostgres(QuickPingPostgresApp app) : ConcurrentDispatchTests(app), IClassFixture<QuickPingPostgresApp>;
