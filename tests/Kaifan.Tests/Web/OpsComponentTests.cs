using System.Globalization;
using Bunit;
using Kaifan.Web.Api;
using Kaifan.Web.Components.Ops;
using Kaifan.Web.Components.Ops.Parts;
using Kaifan.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Kaifan.Tests.Web;

/// <summary>The ops dispatch board's columns and its 改派 control, rendered with bUnit in Simplified Chinese.</summary>
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
            .Add(c => c.Riders, [new DispatchColumn.RiderChoice(Rider, "137****0001 (0)")])
            .Add(c => c.OnReassign, EventCallback.Factory.Create<(Guid, Guid?)>(this, r => asked.Add(r))));

        column.Find("[data-testid=reassign]").Click();
        column.Find("[data-testid=reassign-rider]").Change(Rider.ToString());
        column.Find("[data-testid=reassign]").Click();

        asked.ShouldBe([(card.OrderId, null), (card.OrderId, Rider)]);
        column.Find("[data-testid=reassign-rider] option").TextContent.ShouldBe("退回待分配");
    }

    private static BoardOrderInfo Board(Guid orderId, bool late) =>
        new(orderId, Guid.NewGuid(), new GeoPlace(31.02, 121.44), new GeoPlace(31.03, 121.45), Noon, late, null, null, null, null, null, null);
}
