using System.Globalization;
using Bunit;
using Kaifan.Web.Api;
using Kaifan.Web.Components;
using Kaifan.Web.Components.Ops;
using Kaifan.Web.Components.Ops.Parts;
using Kaifan.Web.Components.Rider.Parts;
using Kaifan.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Kaifan.Tests.Web;

/// <summary>
/// The ops dispatch board's columns, service badges and 改派 control, the rider's offer card's 准时宝 line and the
/// 我的装备 form both share, rendered with bUnit in Simplified Chinese.
/// </summary>
public sealed class OpsComponentTests : BunitContext
{
    private static readonly Guid Zone = Guid.NewGuid();
    private static readonly Guid Rider = Guid.NewGuid();
    private static readonly DateTimeOffset Noon = new(2026, 11, 28, 4, 0, 0, TimeSpan.Zero);

    public OpsComponentTests()
    {
        Services.AddLocalization();
        JSInterop.Mode = JSRuntimeMode.Loose;
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("zh-Hans");
    }

    private IStringLocalizer<Strings> L => Services.GetRequiredService<IStringLocalizer<Strings>>();

    [Fact]
    public void each_order_sits_in_one_column_and_a_late_one_only_under_late()
    {
        var waiting = Board(Guid.NewGuid(), late: false);
        var lateOffer = Board(Guid.NewGuid(), late: true) with { RiderId = Rider, OfferId = Guid.NewGuid(), OfferSecondsLeft = 12 };
        var riding = Board(Guid.NewGuid(), late: false) with { RiderId = Rider, Stage = "toCustomer" };
        var board = new ZoneDispatchInfo(Zone, [waiting], [lateOffer], [riding], [lateOffer]);

        var columns = DispatchCards.Build(board, [], Zone, _ => "137****0001", L);

        columns["pending"].Single().OrderId.ShouldBe(waiting.OrderId);
        columns["offered"].ShouldBeEmpty();
        columns["late"].Single().Meta.ShouldBe("已派给 137****0001 · 12秒后失效");
        columns["assigned"].Single().Meta.ShouldBe("配送中 · 🛵 137****0001");
        columns["assigned"].Single().CanReassign.ShouldBeFalse("a picked-up order stays with its rider");
        columns["pending"].Single().CanReassign.ShouldBeTrue();
    }

    [Fact]
    public void reassign_hands_the_chosen_rider_or_none_for_back_to_pending()
    {
        var card = new DispatchCard(Guid.NewGuid(), "#0042", "面馆 → 3号楼", "", false, true, null);
        var asked = new List<(Guid OrderId, Guid? RiderId)>();
        var column = Render<DispatchColumn>(p => p
            .Add(c => c.Column, "pending")
            .Add(c => c.Title, "待分配")
            .Add(c => c.Cards, [card])
            .Add(c => c.Riders, [new OpsOrderCard.RiderChoice(Rider, "137****0001 (0)")])
            .Add(c => c.OnReassign, EventCallback.Factory.Create<(Guid, Guid?)>(this, r => asked.Add(r))));

        column.Find("[data-testid=reassign]").Click();
        column.Find("[data-testid=reassign-rider]").Change(Rider.ToString());
        column.Find("[data-testid=reassign]").Click();

        asked.ShouldBe([(card.OrderId, null), (card.OrderId, Rider)]);
        column.Find("[data-testid=reassign-rider] option").TextContent.ShouldBe("退回待分配");
    }

    [Fact]
    public void cards_carry_service_badges_and_a_held_batch_order_its_departure_in_shanghai_time()
    {
        var guaranteed = Board(Guid.NewGuid(), late: false) with { ServiceTier = "guaranteed", SpecialCare = true, PromisedAt = Noon.AddMinutes(28) };
        var held = Board(Guid.NewGuid(), late: false) with { ServiceTier = "batch", Locker = true, DepartsAt = Noon.AddMinutes(30) };
        var left = Board(Guid.NewGuid(), late: false) with { ServiceTier = "batch" };
        var plain = Board(Guid.NewGuid(), late: false);
        var columns = DispatchCards.Build(new ZoneDispatchInfo(Zone, [guaranteed, held, left, plain], [], [], []), [], Zone, _ => "", L);

        var column = Render<DispatchColumn>(p => p.Add(c => c.Column, "pending").Add(c => c.Title, "待分配").Add(c => c.Cards, columns["pending"]));

        string[] Badges(Guid orderId) => [.. column.FindAll($"[data-order-id='{orderId}'] .oc-badge").Select(b => b.TextContent)];
        Badges(guaranteed.OrderId).ShouldBe(["准时宝", "特殊关照"]);
        column.Find($"[data-order-id='{held.OrderId}'] [data-testid=ops-badge-batch]").TextContent.ShouldBe("校园批次 · 12:30发车");
        Badges(held.OrderId).ShouldBe(["智能柜", "校园批次 · 12:30发车"]);
        Badges(left.OrderId).ShouldBe(["校园批次"]);
        Badges(plain.OrderId).ShouldBeEmpty();
    }

    [Fact]
    public void the_offer_card_shows_a_guaranteed_orders_promised_time_or_just_the_tier_until_it_is_known()
    {
        OfferedOrderInfo Job(string tier, DateTimeOffset? promisedAt) =>
            new(Guid.NewGuid(), Guid.NewGuid(), new GeoPlace(31.02, 121.44), 0.8, Noon, false, false, tier, promisedAt);
        var promised = Job("guaranteed", Noon.AddMinutes(28));
        var unknown = Job("guaranteed", null);
        var standard = Job("standard", null);

        var card = Render<OfferCard>(p => p.Add(c => c.Offer, new OfferInfo(Guid.NewGuid(), Noon.AddSeconds(30), 30, 2.5, [promised, unknown, standard])));

        card.Find($"[data-order-id='{promised.OrderId}'] [data-testid=guaranteed]").TextContent.ShouldBe("准时宝 · 12:28前送达");
        card.Find($"[data-order-id='{unknown.OrderId}'] [data-testid=guaranteed]").TextContent.ShouldBe("准时宝");
        card.FindAll($"[data-order-id='{standard.OrderId}'] [data-testid=guaranteed]").ShouldBeEmpty();
    }

    [Theory]
    [InlineData(3.1, "距商家约4分钟")]
    [InlineData(4.0, "距商家约4分钟")]
    [InlineData(0.2, "距商家约1分钟")]
    public void the_offer_card_gives_the_ride_to_the_shop_in_whole_minutes(double minutes, string shown)
    {
        var job = new OfferedOrderInfo(Guid.NewGuid(), Guid.NewGuid(), new GeoPlace(31.02, 121.44), 0.8, Noon, false, false, "standard", null);

        var card = Render<OfferCard>(p => p.Add(c => c.Offer, new OfferInfo(Guid.NewGuid(), Noon.AddSeconds(30), 30, minutes, [job])));

        card.Find(".tc-head b").TextContent.ShouldBe(shown);
    }

    [Fact]
    public void a_rider_on_foot_or_a_bicycle_states_the_farthest_they_go_and_that_range_is_what_is_saved()
    {
        var saved = new List<RiderGear>();
        var form = Render<RiderGearForm>(p => p
            .Add(c => c.Gear, new RiderGear("bicycle", 15, 3, true))
            .Add(c => c.Save, gear =>
            {
                saved.Add(gear);
                return Task.FromResult(new ApiResult<RiderProfileInfo>(200, new RiderProfileInfo(Rider, Zone, gear.VehicleType, 5, gear.BatteryRangeKm, gear.Capacity, gear.AcceptsStairs), null));
            }));

        // Dispatch bounds every route by this range (OfferPolicy, RouteEvaluator), so no vehicle goes without it.
        form.Find("[data-testid=gear-range-label]").TextContent.Trim().ShouldBe("最远骑行距离（公里）");
        form.Find("[data-testid=gear-range]").GetAttribute("value").ShouldBe("15");
        form.Find("[data-testid=gear-vehicle]").Change("ebike");
        form.Find("[data-testid=gear-range-label]").TextContent.Trim().ShouldBe("电池续航（公里）");
        form.Find("[data-testid=gear-vehicle]").Change("foot");
        form.Find("[data-testid=gear-range-label]").TextContent.Trim().ShouldBe("最远步行距离（公里）");

        form.Find("[data-testid=gear-range]").Change("4.5");
        form.Find("[data-testid=gear-save]").Click();

        saved.ShouldHaveSingleItem().ShouldBe(new RiderGear("foot", 4.5, 3, true));
    }

    [Fact]
    public void the_rider_lanes_list_each_riders_offers_and_route_with_step_load_shift_end_and_todays_progress()
    {
        var other = Guid.NewGuid();
        var waiting = Board(Guid.NewGuid(), late: false);
        var offered = Board(Guid.NewGuid(), late: false) with { RiderId = Rider, OfferId = Guid.NewGuid(), OfferSecondsLeft = 20 };
        var first = Board(Guid.NewGuid(), late: false) with { RiderId = Rider, Stage = "toCustomer" };
        var second = Board(Guid.NewGuid(), late: false) with { RiderId = Rider, Stage = "atMerchant" };
        var stranded = Board(Guid.NewGuid(), late: false) with { RiderId = other, Stage = "toMerchant" };
        var board = new ZoneDispatchInfo(Zone, [waiting], [offered], [first, second, stranded], []);
        OpsRiderInfo RiderInfo(Guid id, bool online) => new(id, Zone, "ebike", 4, 30, true, online, online ? Zone : null, null, null, null, 0);
        var riders = new[]
        {
            RiderInfo(Rider, online: true) with { Load = 2, DeliveredToday = 6, ShiftEndsAt = Noon.AddHours(6), Silent = true },
            RiderInfo(other, online: false) with { Load = 1 },
            RiderInfo(Guid.NewGuid(), online: false),
        };

        var view = RiderLanes.Build(board, [], riders, Zone, id => id == Rider ? "137****0001" : "137****0002", L);

        view.Pending.Select(c => c.OrderId).ShouldBe([waiting.OrderId]);
        view.Lanes.Select(l => l.RiderId).ShouldBe([Rider, other], "an offline rider holding nothing has no lane");
        var lane = view.Lanes[0];
        lane.Cards.Select(c => (c.OrderId, c.Meta)).ShouldBe([(offered.OrderId, "待接单"), (first.OrderId, "配送中"), (second.OrderId, "待取餐")]);
        lane.Cards.Select(c => c.CanReassign).ShouldBe([true, false, true], "picked-up food stays with its rider");
        (lane.Tasks, lane.Capacity, lane.ShiftEnd, lane.Faded).ShouldBe((3, 4, "18:00下班", "失联"));
        (lane.Delivered, lane.Today, lane.Percent).ShouldBe((6, 8, 75));
        view.Lanes[1].Faded.ShouldBe("离线");
        view.Lanes[1].ShiftEnd.ShouldBe("未设下班时间");

        var moved = view.Moved(waiting.OrderId, other);
        moved.Pending.ShouldBeEmpty();
        moved.Lanes[1].Cards.Select(c => c.OrderId).ShouldBe([stranded.OrderId, waiting.OrderId]);
        moved.Moved(offered.OrderId, null).Pending.Select(c => c.OrderId).ShouldBe([offered.OrderId]);
    }

    [Fact]
    public void dropping_a_card_on_a_lane_asks_for_that_rider_and_on_pending_for_none_and_a_drop_where_it_was_asks_nothing()
    {
        var waiting = Board(Guid.NewGuid(), late: false);
        var offered = Board(Guid.NewGuid(), late: false) with { RiderId = Rider, OfferId = Guid.NewGuid() };
        var riders = new[] { new OpsRiderInfo(Rider, Zone, "ebike", 4, 30, true, true, Zone, 31.02, 121.44, Noon, 0) };
        var view = RiderLanes.Build(new ZoneDispatchInfo(Zone, [waiting], [offered], [], []), [], riders, Zone, _ => "137****0001", L);
        var asked = new List<(Guid OrderId, Guid? RiderId)>();
        var lanes = Render<DispatchLanes>(p => p
            .Add(c => c.View, view)
            .Add(c => c.OnReassign, EventCallback.Factory.Create<(Guid, Guid?)>(this, r => asked.Add(r))));

        var card = lanes.Find($"[data-order-id='{waiting.OrderId}']").ParentElement!;
        card.GetAttribute("draggable").ShouldBe("true");
        card.DragStart();
        lanes.Find("[data-lane=pending]").Drop();
        lanes.Find($"[data-order-id='{waiting.OrderId}']").ParentElement!.DragStart();
        lanes.Find($"[data-lane='{Rider}']").Drop();
        lanes.Find($"[data-order-id='{offered.OrderId}']").ParentElement!.DragStart();
        lanes.Find("[data-lane=pending]").Drop();

        asked.ShouldBe([(waiting.OrderId, Rider), (offered.OrderId, null)]);
    }

    private static BoardOrderInfo Board(Guid orderId, bool late) =>
        new(orderId, Guid.NewGuid(), new GeoPlace(31.02, 121.44), new GeoPlace(31.03, 121.45), Noon, late, null, null, null, null, null, null);
}
