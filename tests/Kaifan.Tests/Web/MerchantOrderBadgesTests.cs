using System.Globalization;
using Bunit;
using Kaifan.Web.Api;
using Kaifan.Web.Components.Merchant.Parts;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Tests.Web;

/// <summary>A merchant order card marks what the kitchen must know: 准时宝, 特殊关照, 智能柜 and a batch order's departure.</summary>
public sealed class MerchantOrderBadgesTests : BunitContext
{
    public MerchantOrderBadgesTests()
    {
        Services.AddLocalization();
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("zh-Hans");
    }

    [Fact]
    public void a_batch_order_shows_when_its_run_leaves_in_shanghai_time()
    {
        var run = new BatchRunInfo(Guid.NewGuid(), "东区宿舍楼群", new DateTimeOffset(2026, 11, 30, 5, 0, 0, TimeSpan.Zero));

        var badges = Render<OrderBadges>(p => p.Add(c => c.Order, Order("batch", specialCare: true) with { BatchRun = run }));

        badges.Find("[data-testid=order-badge-batch]").TextContent.ShouldBe("校园批次 · 13:00发车");
        badges.Find("[data-testid=order-badge-care]").TextContent.ShouldBe("特殊关照");
        badges.FindAll("[data-testid=order-badge-guaranteed]").ShouldBeEmpty();
    }

    [Fact]
    public void a_guaranteed_locker_order_is_marked_and_a_plain_one_has_no_badges()
    {
        var badges = Render<OrderBadges>(p => p.Add(c => c.Order, Order("guaranteed") with { Delivery = "locker", LockerName = "东区食堂外卖柜" }));

        badges.FindAll(".oc-badge").Select(b => b.TextContent).ShouldBe(["准时宝", "智能柜"]);
        Render<OrderBadges>(p => p.Add(c => c.Order, Order("standard"))).FindAll(".oc-badge").ShouldBeEmpty();
    }

    private static OrderInfo Order(string tier, bool specialCare = false)
    {
        var at = DateTimeOffset.UnixEpoch;
        return new OrderInfo(
            Guid.NewGuid(), "1", "Accepted", "商家已接单", Guid.NewGuid(), "面馆", [], 2300, 100, 300, 2900, 800,
            new OrderAddress("张*", "138****0001", "东区1号楼"), null, 1, 10, at, at, at, at, null, null, null,
            [], false, false, ServiceTier: tier, SpecialCare: specialCare);
    }
}
