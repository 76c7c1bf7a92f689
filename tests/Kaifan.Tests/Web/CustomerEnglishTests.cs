using System.Globalization;
using System.Text.RegularExpressions;
using Bunit;
using Kaifan.Web.Api;
using Kaifan.Web.Components.Customer;
using Kaifan.Web.Components.Customer.Parts;
using Kaifan.Web.Resources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Kaifan.Tests.Web;

/// <summary>The shopper's order texts with ?culture=en: the API writes them in Chinese, the page shows them in English.</summary>
public sealed partial class CustomerEnglishTests : BunitContext
{
    private static readonly DateTimeOffset Placed = new(2026, 11, 30, 4, 5, 0, TimeSpan.Zero);

    public CustomerEnglishTests()
    {
        Services.AddLocalization();
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("en");
    }

    private IStringLocalizer<Strings> L => Services.GetRequiredService<IStringLocalizer<Strings>>();

    [Fact]
    public void every_step_the_order_api_reports_is_shown_in_english()
    {
        // The steps and labels Ordering's order view sends (OrderView.TimelineOf).
        TimelineStep[] steps =
        [
            new("placed", "订单已提交", true, Placed),
            new("paid", "支付成功", true, Placed),
            new("accepted", "商家已接单", true, Placed),
            new("ready", "商家已出餐", true, Placed),
            new("rider_assigned", "骑手已接单", true, Placed),
            new("arrived", "骑手已到店", true, Placed),
            new("picked_up", "骑手已取餐·配送中", true, Placed),
            new("arrived_customer", "骑手已到达", true, Placed),
            new("delivered", "已送达", true, Placed),
        ];

        var labels = Render<StatusTimeline>(p => p.Add(c => c.Steps, steps)).FindAll(".label").Select(l => l.TextContent).ToList();

        labels.ShouldBe(["Order placed", "Paid", "Shop accepted", "Food ready", "Rider assigned", "Rider at the shop", "Picked up · on the way", "Rider at your door", "Delivered"]);
    }

    [Fact]
    public void a_cancelled_orders_step_names_a_picked_reason_in_english_and_keeps_any_other_as_recorded()
    {
        TimelineStep[] steps = [new("placed", "订单已提交", true, Placed), new("cancelled", "订单已取消：商家太慢", true, Placed)];
        OrderTitles.Steps(steps, L)[1].Label.ShouldBe("Order cancelled: The shop is too slow");
        OrderTitles.Steps([steps[1] with { Label = "订单已取消：用户取消" }], L)[0].Label.ShouldBe("Order cancelled: Cancelled by you");
        OrderTitles.Steps([steps[1] with { Label = "订单已取消：商家已打烊" }], L)[0].Label.ShouldBe("Order cancelled: 商家已打烊");

        CultureInfo.CurrentUICulture = new CultureInfo("zh-Hans");
        OrderTitles.Steps(steps, L)[1].Label.ShouldBe("订单已取消：商家太慢");
    }

    [Fact]
    public void the_title_of_an_order_whose_rider_is_at_the_shop_is_in_the_page_language()
    {
        OrderTitles.Title("ArrivedAtMerchant", "骑手已到店", L).ShouldBe("Rider at the shop");
        CultureInfo.CurrentUICulture = new CultureInfo("zh-Hans");
        OrderTitles.Title("ArrivedAtMerchant", "骑手已到店", L).ShouldBe("骑手已到店");
    }

    [Fact]
    public void an_orders_summary_and_its_cutlery_count_read_as_english()
    {
        var order = new OrderSummary(Guid.NewGuid(), "1", Guid.NewGuid(), "沙县小吃", "AwaitingAcceptance", "等待商家接单", Placed,
            "蒸饺", 3, "蒸饺 等3件商品", 3600, null, false, true);

        OrderTitles.Summary(order, L).ShouldBe("蒸饺 and more, 3 items");
        OrderTitles.Summary(order with { ItemCount = 1 }, L).ShouldBe("蒸饺, 1 item");
        OrderTitles.Cutlery(0, L).ShouldBe("No cutlery");
        OrderTitles.Cutlery(1, L).ShouldBe("1 set");
        OrderTitles.Cutlery(3, L).ShouldBe("3 sets");
        Chinese().IsMatch(OrderTitles.Summary(order, L).Replace("蒸饺", "")).ShouldBeFalse();
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();
}
