using Kaifan.Catalog.Stock;
using System.Net.Http.Json;
using Kaifan.Contracts.Events;
using Kaifan.Contracts.Queries;
using Kaifan.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using static Kaifan.Tests.Catalog.CatalogTestKit;

namespace Kaifan.Tests.Catalog;

/// <summary>What Ordering relies on: no oversell under parallel orders, all-or-nothing holds, releases that count once.</summary>
public abstract class StockReservationTests(KaifanApp app)
{
    [Fact]
    public async Task fifty_parallel_orders_for_a_dish_with_ten_left_get_exactly_ten_units_and_stock_ends_at_zero()
    {
        var itemId = Item(1, 1);
        await SetStock(1, itemId, 10);

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => Reserve(Guid.NewGuid(), new StockLine(itemId, 1)))));

        results.Count(r => r.Succeeded).ShouldBe(10);
        results.Where(r => !r.Succeeded).ShouldAllBe(r => r.ShortItemIds.Single() == itemId);
        var dish = (await app.Client().Menu(1)).FindItem(itemId)!.Value;
        dish.GetProperty("stock").GetInt32().ShouldBe(0);
        dish.GetProperty("soldOut").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task releasing_the_same_order_twice_in_parallel_returns_its_stock_once()
    {
        var itemId = Item(2, 1);
        await SetStock(2, itemId, 10);
        var orderId = Guid.NewGuid();
        (await Reserve(orderId, new StockLine(itemId, 3))).Succeeded.ShouldBeTrue();
        (await StockOf(2, itemId)).ShouldBe(7);

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => Release(orderId))));
        (await StockOf(2, itemId)).ShouldBe(10);

        await Release(orderId);
        (await StockOf(2, itemId)).ShouldBe(10);
    }

    [Fact]
    public async Task a_reservation_with_one_short_line_takes_nothing_at_all()
    {
        var plenty = Item(3, 1);
        var scarce = Item(3, 2);
        await SetStock(3, plenty, 10);
        await SetStock(3, scarce, 1);
        var unlimited = Item(3, 0);

        var result = await Reserve(Guid.NewGuid(), new StockLine(plenty, 2), new StockLine(unlimited, 5), new StockLine(scarce, 2));

        result.Succeeded.ShouldBeFalse();
        result.ShortItemIds.ShouldBe([scarce]);
        (await StockOf(3, plenty)).ShouldBe(10);
        (await StockOf(3, scarce)).ShouldBe(1);

        var ok = await Reserve(Guid.NewGuid(), new StockLine(plenty, 2), new StockLine(unlimited, 5), new StockLine(scarce, 1));
        ok.Succeeded.ShouldBeTrue();
        (await StockOf(3, plenty)).ShouldBe(8);
        (await StockOf(3, scarce)).ShouldBe(0);
        (await StockOf(3, unlimited)).ShouldBeNull();
    }

    [Fact]
    public async Task an_unlisted_or_sold_out_dish_cannot_be_reserved_and_reserving_an_order_again_takes_nothing_more()
    {
        var soldOut = Item(4, 1);
        await SetStock(4, soldOut, 0);
        (await Reserve(Guid.NewGuid(), new StockLine(soldOut, 1))).ShortItemIds.ShouldBe([soldOut]);

        var unlisted = Item(4, 2);
        var staff = app.Client(TestTokens.MerchantStaff(4));
        (await staff.PutAsJsonAsync($"/api/merchants/{Merchant(4)}/items/{unlisted}/listing", new { listed = false })).EnsureSuccessStatusCode();
        (await Reserve(Guid.NewGuid(), new StockLine(unlisted, 1))).Succeeded.ShouldBeFalse();

        var limited = Item(4, 3);
        await SetStock(4, limited, 5);
        var orderId = Guid.NewGuid();
        (await Reserve(orderId, new StockLine(limited, 2))).Succeeded.ShouldBeTrue();
        (await Reserve(orderId, new StockLine(limited, 2))).Succeeded.ShouldBeTrue();
        (await StockOf(4, limited)).ShouldBe(3);
    }

    [Fact]
    public async Task an_order_cancelled_event_gives_the_orders_stock_back_once_even_when_delivered_twice()
    {
        var itemId = Item(5, 1);
        await SetStock(5, itemId, 4);
        var orderId = Guid.NewGuid();
        (await Reserve(orderId, new StockLine(itemId, 4))).Succeeded.ShouldBeTrue();
        (await StockOf(5, itemId)).ShouldBe(0);

        var cancelled = new OrderCancelled(orderId, Merchant(5), "用户取消", RefundDue: false, app.Clock.GetUtcNow());
        foreach (var _ in Enumerable.Range(0, 2))
        {
            await using var scope = app.Services.CreateAsyncScope();
            await ReleaseStockWhenOrderCancelled.Handle(cancelled, scope.ServiceProvider.GetRequiredService<IStockReservations>(), CancellationToken.None);
        }

        (await StockOf(5, itemId)).ShouldBe(4);

        // Published (not invoked) the event goes through the durable local queue, as Ordering's outbox will send it.
        var later = Guid.NewGuid();
        (await Reserve(later, new StockLine(itemId, 1))).Succeeded.ShouldBeTrue();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IMessageBus>().PublishAsync(cancelled with { OrderId = later });
        }

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (await StockOf(5, itemId) != 4 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        (await StockOf(5, itemId)).ShouldBe(4);
    }

    [Fact]
    public async Task ordering_sees_every_dish_with_unavailable_ones_flagged_and_the_zone_fee_rule()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<ICatalogQueries>();

        var merchant = await queries.GetMerchantForOrderingAsync(Merchant(3), CancellationToken.None);
        merchant.ShouldNotBeNull();
        merchant.ZoneId.ShouldBe(Zone(1));
        merchant.Items.Single(i => i.Name == "加鹌鹑蛋").IsAvailable.ShouldBeFalse();
        merchant.Items.Single(i => i.Name == "黄焖鸡米饭").OptionGroups.First().Options.Count.ShouldBe(4);
        (await queries.GetMerchantForOrderingAsync(Guid.NewGuid(), CancellationToken.None)).ShouldBeNull();

        var zone = await queries.GetZoneAsync(Zone(2), CancellationToken.None);
        zone.ShouldNotBeNull();
        zone.BaseDeliveryFeeFen.ShouldBe(300);
        zone.FeePerKmFen.ShouldBe(100);
        zone.FreeDistanceKm.ShouldBe(1);
    }

    private async Task<StockReservationResult> Reserve(Guid orderId, params StockLine[] lines)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IStockReservations>().ReserveAsync(orderId, lines, CancellationToken.None);
    }

    private async Task Release(Guid orderId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IStockReservations>().ReleaseAsync(orderId, CancellationToken.None);
    }

    private async Task SetStock(int merchant, Guid itemId, int stock)
    {
        var staff = app.Client(TestTokens.MerchantStaff(merchant));
        (await staff.PutAsJsonAsync($"/api/merchants/{Merchant(merchant)}/items/{itemId}/stock", new { stock })).EnsureSuccessStatusCode();
    }

    private async Task<int?> StockOf(int merchant, Guid itemId)
    {
        var menu = await app.Client(TestTokens.MerchantStaff(merchant)).Json($"/api/merchants/{Merchant(merchant)}/manage/menu");
        var stock = menu.FindItem(itemId)!.Value.GetProperty("stock");
        return stock.ValueKind == System.Text.Json.JsonValueKind.Null ? null : stock.GetInt32();
    }
}

public sealed class StockReservationsOnSqlite(SqliteApp app) : StockReservationTests(app), IClassFixture<SqliteApp>;

public sealed class StockReservationsOnPostgres(PostgresApp app) : StockReservationTests(app), IClassFixture<PostgresApp>;
