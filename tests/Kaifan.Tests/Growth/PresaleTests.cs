using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kaifan.Contracts.Queries;
using Kaifan.Growth;
using Kaifan.Growth.Presales;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Ordering;
using Kaifan.Tests.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kaifan.Tests.Growth.GroupBuyKit;
using static Kaifan.Tests.Growth.PresaleKit;

namespace Kaifan.Tests.Growth;

/// <summary>
/// 预售接龙 end to end: paid entries are held (预售中) unseen by the merchant; the cut-off confirms the chain or cancels
/// and refunds it; the release on delivery day brings the orders to the merchant's board.
/// </summary>
public abstract partial class PresaleTests(KaifanApp app)
{
    private readonly PresaleKit kit = new(app);

    [Fact]
    public async Task a_pre_sale_is_refused_field_by_field_and_nothing_is_created()
    {
        var now = app.Clock.GetUtcNow();
        var before = (await kit.Staff.GetFromJsonAsync<JsonElement>("/api/merchant/presales")).GetArrayLength();

        await Refusals.ShouldBeRefusedAsync(await kit.Staff.PostAsJsonAsync("/api/merchant/presales", Body(now, stock: 0)), HttpStatusCode.BadRequest, "stock");
        await Refusals.ShouldBeRefusedAsync(await kit.Staff.PostAsJsonAsync("/api/merchant/presales", Body(now, limit: 30, stock: 20)), HttpStatusCode.BadRequest, "perCustomerLimit");
        await Refusals.ShouldBeRefusedAsync(
            await kit.Staff.PostAsJsonAsync("/api/merchant/presales", Body(now, itemId: OrderingKit.Dish(0, merchant: 2))), HttpStatusCode.NotFound, "itemId");
        await Refusals.ShouldBeRefusedAsync(await kit.Staff.PostAsJsonAsync("/api/merchant/presales", Body(now, priceFen: 1600)), HttpStatusCode.UnprocessableEntity, "priceFen");
        await Refusals.ShouldBeRefusedAsync(await kit.Staff.PostAsJsonAsync("/api/merchant/presales", Body(now.AddHours(-2))), HttpStatusCode.UnprocessableEntity, "cutoffAt");
        await Refusals.ShouldBeRefusedAsync(
            await app.Client(TestTokens.Operator()).PostAsJsonAsync("/api/ops/growth/presales", Body(now)), HttpStatusCode.BadRequest, "merchantId");

        (await kit.Staff.GetFromJsonAsync<JsonElement>("/api/merchant/presales")).GetArrayLength().ShouldBe(before);
    }

    [Fact]
    public async Task a_paid_entry_is_numbered_in_the_chain_under_a_masked_name_and_held_from_the_merchant()
    {
        var presale = await kit.CreateAsync(limit: 2);
        var id = IdOf(presale);
        var shopper = await kit.NewShopperAsync();

        await Refusals.ShouldBeRefusedAsync(await JoinAsync(shopper, id, 3), HttpStatusCode.UnprocessableEntity, "lines[0].quantity");
        var order = await PlacedAsync(JoinAsync(shopper, id, 2));
        order["lines"]![0]!["unitPriceFen"]!.GetValue<long>().ShouldBe(PriceFen);
        order["itemsTotalFen"]!.GetValue<long>().ShouldBe(2 * PriceFen);
        await Refusals.ShouldBeRefusedAsync(await JoinAsync(shopper, id, 1), HttpStatusCode.Conflict, "presaleId");

        await kit.PayAsync(shopper, order);
        await EventuallyStatusAsync(shopper, order, "AwaitingPresale");
        var mine = await OrderAsync(shopper, order);
        mine["statusText"]!.GetValue<string>().ShouldBe("预售中");
        mine["presale"]!["deliverAt"]!.GetValue<DateTimeOffset>().ShouldBe(presale["deliverAt"]!.GetValue<DateTimeOffset>());

        await EventuallyJoinedAsync(shopper, id, 2);
        var chain = await ChainAsync(await kit.NewShopperAsync(), id);
        var line = chain["chain"]!.AsArray().Single()!;
        (line["number"]!.GetValue<int>(), line["name"]!.GetValue<string>(), line["quantity"]!.GetValue<int>(), line["isMe"]!.GetValue<bool>())
            .ShouldBe((1, "王**", 2, false));
        chain["left"]!.GetValue<int>().ShouldBe(18);
        (await ChainAsync(shopper, id))["chain"]![0]!["isMe"]!.GetValue<bool>().ShouldBeTrue();

        (await kit.Staff.GetFromJsonAsync<JsonElement>("/api/merchant/orders")).EnumerateArray()
            .ShouldNotContain(o => o.GetProperty("id").GetGuid() == OrderingKit.IdOf(order));
    }

    [Fact]
    public async Task parallel_joins_never_take_more_than_the_stock()
    {
        var id = IdOf(await kit.CreateAsync(stock: 3, limit: 1, minimum: 1));
        var shoppers = new List<Shopper>();
        for (var i = 0; i < 8; i++)
        {
            shoppers.Add(await kit.NewShopperAsync());
        }

        var responses = await Task.WhenAll(shoppers.Select(s => JoinAsync(s, id, 1)));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(3);
        responses.Where(r => r.StatusCode != HttpStatusCode.Created).ShouldAllBe(r => r.StatusCode == HttpStatusCode.Conflict);
        var chain = await ChainAsync(shoppers[0], id);
        chain["left"]!.GetValue<int>().ShouldBe(0);
        chain["presale"]!["taken"]!.GetValue<int>().ShouldBe(3);
    }

    [Fact]
    public async Task leaving_before_the_cut_off_refunds_and_frees_the_portions_and_after_it_is_refused()
    {
        var id = IdOf(await kit.CreateAsync(stock: 2, limit: 2, minimum: 1));
        var (leaver, stayer) = (await kit.NewShopperAsync(), await kit.NewShopperAsync());
        var left = await kit.JoinAndPayAsync(leaver, id, 2);
        await EventuallyJoinedAsync(leaver, id, 2);
        await Refusals.ShouldBeRefusedAsync(await JoinAsync(stayer, id, 1), HttpStatusCode.Conflict, "presaleId");

        (await LeaveAsync(leaver, id)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await EventuallyStatusAsync(leaver, left, "Cancelled");
        await PaymentProbe.EventuallyAsync(async () => (await OrderAsync(leaver, left))["refundedAt"] is not null, "the leaver is refunded", seconds: 45);
        (await OrderAsync(leaver, left))["cancelReason"]!.GetValue<string>().ShouldBe("退出接龙");
        var stayed = await kit.JoinAndPayAsync(stayer, id, 1);
        (await ChainAsync(stayer, id))["left"]!.GetValue<int>().ShouldBe(1);

        app.Clock.Advance(TimeSpan.FromMinutes(61));
        await Refusals.ShouldBeRefusedAsync(await LeaveAsync(stayer, id), HttpStatusCode.UnprocessableEntity, "presaleId");
        (await StatusAsync(stayer, stayed)).ShouldBe("AwaitingPresale");
    }

    [Fact]
    public async Task a_chain_short_of_its_minimum_at_the_cut_off_cancels_and_refunds_every_order()
    {
        var id = IdOf(await kit.CreateAsync(minimum: 3));
        var (paid, unpaid) = (await kit.NewShopperAsync(), await kit.NewShopperAsync());
        var paidOrder = await kit.JoinAndPayAsync(paid, id, 2);
        await EventuallyJoinedAsync(paid, id, 2);
        var unpaidOrder = await PlacedAsync(JoinAsync(unpaid, id, 1));

        // Too early: the chain still takes entries and nothing happens.
        await kit.CutoffAsync(id);
        (await ChainAsync(paid, id))["presale"]!["status"]!.GetValue<string>().ShouldBe("open");

        app.Clock.Advance(TimeSpan.FromMinutes(61));
        await kit.CutoffAsync(id);
        await kit.CutoffAsync(id);

        await EventuallyStatusAsync(paid, paidOrder, "Cancelled");
        await PaymentProbe.EventuallyAsync(async () => (await OrderAsync(paid, paidOrder))["refundedAt"] is not null, "the paid entry is refunded", seconds: 45);
        (await OrderAsync(paid, paidOrder))["cancelReason"]!.GetValue<string>().ShouldBe("接龙未达最低份数");
        await EventuallyStatusAsync(unpaid, unpaidOrder, "Cancelled");
        (await OrderAsync(unpaid, unpaidOrder))["refundDue"]!.GetValue<bool>().ShouldBeFalse();
        (await ChainAsync(paid, id))["presale"]!["status"]!.GetValue<string>().ShouldBe("cancelled");
        await Refusals.ShouldBeRefusedAsync(await JoinAsync(await kit.NewShopperAsync(), id, 1), HttpStatusCode.UnprocessableEntity, "presaleId");
    }

    [Fact]
    public async Task a_chain_that_reached_its_minimum_is_confirmed_and_its_orders_reach_the_merchant_on_delivery_day()
    {
        var presale = await kit.CreateAsync(minimum: 2);
        var id = IdOf(presale);
        var (first, second) = (await kit.NewShopperAsync(), await kit.NewShopperAsync());
        var orders = new[] { (first, await kit.JoinAndPayAsync(first, id, 1)), (second, await kit.JoinAndPayAsync(second, id, 1)) };
        await EventuallyJoinedAsync(first, id, 2);

        app.Clock.Advance(TimeSpan.FromMinutes(61));
        await kit.CutoffAsync(id);
        foreach (var (shopper, order) in orders)
        {
            await PaymentProbe.EventuallyAsync(async () => (await OrderAsync(shopper, order))["presale"]!["confirmedAt"] is not null, "the order is confirmed", seconds: 45);
            (await StatusAsync(shopper, order)).ShouldBe("AwaitingPresale");
        }

        (await ChainAsync(first, id))["presale"]!["status"]!.GetValue<string>().ShouldBe("confirmed");
        var board = await kit.MerchantOrderIdsAsync();
        orders.ShouldAllBe(o => !board.Contains(OrderingKit.IdOf(o.Item2)));

        // The release before its time waits; at the slot's start minus the shop's prep time it brings them all.
        await kit.ReleaseAsync(id);
        (await StatusAsync(first, orders[0].Item2)).ShouldBe("AwaitingPresale");
        app.Clock.Advance(presale["releaseAt"]!.GetValue<DateTimeOffset>() - app.Clock.GetUtcNow());
        await kit.ReleaseAsync(id);

        foreach (var (shopper, order) in orders)
        {
            await EventuallyStatusAsync(shopper, order, "AwaitingAcceptance");
        }

        board = await kit.MerchantOrderIdsAsync();
        orders.ShouldAllBe(o => board.Contains(OrderingKit.IdOf(o.Item2)));
        var accepted = await kit.Staff.PostAsJsonAsync($"/api/merchant/orders/{OrderingKit.IdOf(orders[0].Item2)}/accept", new { prepMinutes = 10 });
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task a_payment_ordering_took_but_the_chain_has_not_yet_heard_of_is_counted_at_the_cut_off_not_refunded()
    {
        var id = IdOf(await kit.CreateAsync(minimum: 1));
        var shopper = await kit.NewShopperAsync();
        var order = await PlacedAsync(JoinAsync(shopper, id, 1));

        // Ordering takes the payment, and the event that would tell the chain is still on its way (here: never sent).
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var ordering = scope.ServiceProvider.GetRequiredService<Kaifan.Ordering.OrderingDb>();
            var paid = new Kaifan.Contracts.Events.PaymentSucceeded(Guid.NewGuid(), OrderingKit.IdOf(order), order["totalFen"]!.GetValue<long>(), "sandbox-late", app.Clock.GetUtcNow());
            await Kaifan.Ordering.Payments.PaymentEventsHandler.Handle(paid, ordering, default);
            await ordering.SaveChangesAsync();
        }

        (await ChainAsync(shopper, id))["presale"]!["joined"]!.GetValue<int>().ShouldBe(0);
        app.Clock.Advance(TimeSpan.FromMinutes(61));
        await kit.CutoffAsync(id);

        var chain = (await ChainAsync(shopper, id))["presale"]!;
        (chain["status"]!.GetValue<string>(), chain["joined"]!.GetValue<int>()).ShouldBe(("confirmed", 1));
        await PaymentProbe.EventuallyAsync(async () => (await OrderAsync(shopper, order))["presale"]!["confirmedAt"] is not null, "the order is confirmed", seconds: 45);
        (await StatusAsync(shopper, order)).ShouldBe("AwaitingPresale");
    }

    [Fact]
    public async Task entries_are_exported_and_erasure_takes_the_masked_name_out_of_the_chain()
    {
        var id = IdOf(await kit.CreateAsync());
        var shopper = await kit.NewShopperAsync();
        var order = await kit.JoinAndPayAsync(shopper, id, 1);
        await EventuallyJoinedAsync(shopper, id, 1);

        await using var scope = app.Services.CreateAsyncScope();
        var person = scope.ServiceProvider.GetRequiredService<GrowthDb>().PresaleEntries.AsNoTracking().Single(e => e.OrderId == OrderingKit.IdOf(order)).CustomerId;
        var export = scope.ServiceProvider.GetServices<IPersonalDataExport>().Single(e => e.Section == "presales");
        var entries = JsonSerializer.SerializeToNode(await export.ExportAsync(person, default))!.AsArray();
        entries.Single()!["PresaleId"]!.GetValue<Guid>().ShouldBe(id);
        entries.Single()!["ShownAs"]!.GetValue<string>().ShouldBe("王**");

        await scope.ServiceProvider.GetServices<IPersonalDataErasure>().Single(e => e is PresalesErasure).EraseAsync(person, default);

        (await export.ExportAsync(person, default)).ShouldBeNull();
        var line = (await ChainAsync(await kit.NewShopperAsync(), id))["chain"]!.AsArray().Single()!;
        line["name"]!.GetValue<string>().ShouldBe("匿名用户");
        line["quantity"]!.GetValue<int>().ShouldBe(1);
    }
}

public sealed class PresaleOnSqlite(LunchtimeSqliteApp app) : PresaleTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class PresaleOnPostgres(LunchtimePostgresApp app) : PresaleTests(app), IClassFixture<LunchtimePostgresApp>;
