using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Ordering;
using Kaifan.Tests.Payments;
using static Kaifan.Tests.Growth.GroupBuyKit;
using static Kaifan.Tests.Growth.PresaleKit;

namespace Kaifan.Tests.Growth;

/// <summary>
/// A chain for a dish with options: the shop fixes them (牛肉炒拉面 ¥18, 辣度 required, 规格 required with 大份 +¥3), the
/// menu checks them, the list price includes their deltas, and each order's line carries them to the merchant's ticket.
/// </summary>
public abstract partial class PresaleTests
{
    private static readonly Guid StirFried = OrderingKit.Dish(1);
    private static readonly Guid Mild = OrderingKit.Choice(StirFried, group: 0, option: 1);
    private static readonly Guid Hot = OrderingKit.Choice(StirFried, group: 0, option: 2);
    private static readonly Guid Large = OrderingKit.Choice(StirFried, group: 1, option: 1);

    private async Task<HttpResponseMessage> CreateVariantAsync(long priceFen, params Guid[] optionIds)
    {
        var now = app.Clock.GetUtcNow();
        return await kit.Staff.PostAsJsonAsync("/api/merchant/presales", new
        {
            itemId = StirFried, priceFen, stock = 20, perCustomerLimit = 3, minimumQuantity = 1, cutoffAt = now.AddHours(1), deliverAt = now.AddHours(3),
            slotMinutes = 30, optionIds,
        });
    }

    private static Task<HttpResponseMessage> JoinVariantAsync(Shopper shopper, Guid presaleId, params Guid[] optionIds) =>
        OrderingKit.PlaceAsync(shopper.Client, new
        {
            merchantId = OrderingKit.Shop, addressId = shopper.AddressId, lines = new[] { OrderingKit.Line(StirFried, 1, optionIds) }, presaleId,
        }, Guid.NewGuid().ToString());

    [Fact]
    public async Task options_that_do_not_answer_the_menu_or_a_price_above_the_list_price_with_their_deltas_are_refused_and_nothing_is_created()
    {
        var before = (await kit.Staff.GetFromJsonAsync<JsonElement>("/api/merchant/presales")).GetArrayLength();

        await Refusals.ShouldBeRefusedAsync(await CreateVariantAsync(1500, Mild), HttpStatusCode.UnprocessableEntity, "optionIds");
        await Refusals.ShouldBeRefusedAsync(await CreateVariantAsync(1500, Mild, Hot, Large), HttpStatusCode.UnprocessableEntity, "optionIds");
        await Refusals.ShouldBeRefusedAsync(await CreateVariantAsync(1500, Mild, Large, OrderingKit.BeefRiceMild), HttpStatusCode.UnprocessableEntity, "optionIds");
        await Refusals.ShouldBeRefusedAsync(await CreateVariantAsync(1500, Mild, Large, Large), HttpStatusCode.UnprocessableEntity, "optionIds");
        await Refusals.ShouldBeRefusedAsync(await CreateVariantAsync(2101, Mild, Large), HttpStatusCode.UnprocessableEntity, "priceFen");

        (await kit.Staff.GetFromJsonAsync<JsonElement>("/api/merchant/presales")).GetArrayLength().ShouldBe(before);
    }

    [Fact]
    public async Task a_chain_sells_the_variant_the_shop_fixed_at_its_price_and_the_merchants_ticket_carries_the_options()
    {
        // ¥20 is above the dish's ¥18 but within the variant's ¥21 (大份 +¥3).
        var created = await CreateVariantAsync(2000, Large, Mild);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var presale = await OrderingKit.JsonOf(created);
        var id = IdOf(presale);
        (presale["itemName"]!.GetValue<string>(), presale["listPriceFen"]!.GetValue<long>()).ShouldBe(("牛肉炒拉面（微辣·大份）", 2100L));
        presale["optionIds"]!.AsArray().Select(o => o!.GetValue<Guid>()).ShouldBe([Mild, Large]);

        var shopper = await kit.NewShopperAsync();
        await Refusals.ShouldBeRefusedAsync(await JoinVariantAsync(shopper, id), HttpStatusCode.UnprocessableEntity, "lines[0].optionIds");
        await Refusals.ShouldBeRefusedAsync(await JoinVariantAsync(shopper, id, Hot, Large), HttpStatusCode.UnprocessableEntity, "lines[0].optionIds");
        var order = await PlacedAsync(JoinVariantAsync(shopper, id, Large, Mild));
        order["lines"]![0]!["unitPriceFen"]!.GetValue<long>().ShouldBe(2000);
        await kit.PayAsync(shopper, order);
        await EventuallyJoinedAsync(shopper, id, 1);

        app.Clock.Advance(TimeSpan.FromMinutes(61));
        await kit.CutoffAsync(id);
        await PaymentProbe.EventuallyAsync(async () => (await OrderAsync(shopper, order))["presale"]!["confirmedAt"] is not null, "the order is confirmed", seconds: 45);
        app.Clock.Advance(presale["releaseAt"]!.GetValue<DateTimeOffset>() - app.Clock.GetUtcNow());
        await kit.ReleaseAsync(id);
        await EventuallyStatusAsync(shopper, order, "AwaitingAcceptance");

        var ticket = (await kit.Staff.GetFromJsonAsync<JsonArray>("/api/merchant/orders"))!.Single(o => o!["id"]!.GetValue<Guid>() == OrderingKit.IdOf(order))!;
        var line = ticket["lines"]!.AsArray().Single()!;
        line["options"]!.AsArray().Select(o => o!["name"]!.GetValue<string>()).ShouldBe(["微辣", "大份"]);
        line["unitPriceFen"]!.GetValue<long>().ShouldBe(2000);
    }
}
