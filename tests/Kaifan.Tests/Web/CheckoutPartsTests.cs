using System.Globalization;
using Bunit;
using Kaifan.Web.Api;
using Kaifan.Web.Components.Customer.Parts;
using Kaifan.Web.Shopping;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Tests.Web;

/// <summary>The checkout's address, delivery options, coupon picker and price lines, rendered with bUnit in Simplified Chinese.</summary>
public sealed class CheckoutPartsTests : BunitContext
{
    /// <summary>12:00 in Shanghai.</summary>
    private static readonly DateTimeOffset Noon = new(2026, 11, 30, 4, 0, 0, TimeSpan.Zero);

    public CheckoutPartsTests()
    {
        Services.AddLocalization();
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("zh-Hans");
    }

    [Fact]
    public void price_lines_show_the_guarantee_fee_and_the_coupon_discount_only_when_there_are_some()
    {
        var plain = Render<PriceLines>(p => p.Add(c => c.ItemsFen, 2300).Add(c => c.PackagingFen, 100).Add(c => c.DeliveryFen, 300).Add(c => c.TotalFen, 2700));
        plain.FindAll("[data-testid=service-fee]").ShouldBeEmpty();
        plain.FindAll("[data-testid=discount]").ShouldBeEmpty();

        var lines = Render<PriceLines>(p => p
            .Add(c => c.ItemsFen, 2300).Add(c => c.PackagingFen, 100).Add(c => c.DeliveryFen, 300)
            .Add(c => c.ServiceFeeFen, 200).Add(c => c.ServiceTier, "guaranteed").Add(c => c.DiscountFen, 300).Add(c => c.TotalFen, 2600));

        lines.Find("[data-testid=service-fee]").TextContent.ShouldBe("准时宝¥2");
        lines.Find("[data-testid=discount]").TextContent.ShouldBe("优惠券−¥3");
        lines.Find("[data-testid=total]").TextContent.ShouldBe("¥26");
    }

    [Fact]
    public void the_guarantee_option_shows_its_fee_and_an_estimated_window_and_batch_shows_the_next_departure()
    {
        var quote = Quote() with
        {
            Guarantee = new GuaranteeOffer(200, 500, Noon.AddMinutes(25), Noon.AddMinutes(22), Noon.AddMinutes(28), true),
            BatchLine = new BatchLineOffer(Guid.NewGuid(), "东区宿舍楼群 (east dorms)", Noon.AddMinutes(30), Noon.AddMinutes(47)),
        };

        var options = Render<DeliveryOptions>(p => p.Add(c => c.Quote, quote).Add(c => c.Selection, CheckoutSelection.Default with { Option = "guaranteed" }));

        options.Find("[data-testid=option-standard]").TextContent.ShouldContain("预计12:25送达");
        var guaranteed = options.Find("[data-testid=option-guaranteed]");
        guaranteed.TextContent.ShouldContain("准时宝");
        guaranteed.TextContent.ShouldContain("+¥2");
        guaranteed.TextContent.ShouldContain("超时赔付¥5优惠券");
        options.Find("[data-testid=guarantee-window]").TextContent.ShouldStartWith("预计12:22–12:28送达");
        guaranteed.QuerySelector("input")!.HasAttribute("checked").ShouldBeTrue();
        options.Find("[data-testid=batch-departure]").TextContent.ShouldBe("东区宿舍楼群 · 下一班12:30发车");
        options.Find("[data-testid=batch-eta]").TextContent.ShouldBe("预计12:47送达", "a batch order's ride starts with its run");
        options.FindAll("[data-testid=option-locker]").ShouldBeEmpty("a zone without lockers offers none");
    }

    [Fact]
    public void batch_is_offered_only_on_a_line_and_the_locker_picker_opens_with_the_locker_option()
    {
        ZoneLocker[] lockers = [new(Guid.NewGuid(), Guid.NewGuid(), "东区食堂外卖柜", 31.02, 121.44), new(Guid.NewGuid(), Guid.NewGuid(), "图书馆外卖柜", 31.03, 121.44)];

        var door = Render<DeliveryOptions>(p => p.Add(c => c.Quote, Quote()).Add(c => c.Selection, CheckoutSelection.Default).Add(c => c.Lockers, lockers));
        door.FindAll("[data-testid=option-batch]").ShouldBeEmpty();
        door.FindAll("[data-testid=locker]").ShouldBeEmpty();
        door.Find("[data-testid=special-care] input").HasAttribute("checked").ShouldBeFalse();

        var locker = Render<DeliveryOptions>(p => p
            .Add(c => c.Quote, Quote())
            .Add(c => c.Selection, new CheckoutSelection("locker", lockers[1].Id, SpecialCare: true, null))
            .Add(c => c.Lockers, lockers));
        locker.FindAll("[data-testid=locker] option").Select(o => o.TextContent).ShouldBe(["东区食堂外卖柜", "图书馆外卖柜"]);
        locker.Find("[data-testid=locker] option[selected]").TextContent.ShouldBe("图书馆外卖柜");
        locker.Find("[data-testid=special-care]").TextContent.ShouldContain("孕妇、身体不适");
        locker.Find("[data-testid=special-care] input").HasAttribute("checked").ShouldBeTrue();
    }

    [Fact]
    public void special_care_asks_for_health_consent_beside_it_only_when_ticked_and_not_yet_given()
    {
        var care = CheckoutSelection.Default with { SpecialCare = true };

        var asked = Render<DeliveryOptions>(p => p.Add(c => c.Quote, Quote()).Add(c => c.Selection, care).Add(c => c.HealthConsent, false));
        asked.Find("[data-testid=care-consent]").TextContent.ShouldContain("单独同意");
        asked.Find("[data-testid=care-consent] input").GetAttribute("name").ShouldBe("careConsent");

        Render<DeliveryOptions>(p => p.Add(c => c.Quote, Quote()).Add(c => c.Selection, care).Add(c => c.HealthConsent, true))
            .FindAll("[data-testid=care-consent]").ShouldBeEmpty("given once, it is not asked again");
        Render<DeliveryOptions>(p => p.Add(c => c.Quote, Quote()).Add(c => c.Selection, CheckoutSelection.Default).Add(c => c.HealthConsent, false))
            .FindAll("[data-testid=care-consent]").ShouldBeEmpty("without 特殊关照 there is nothing to consent to");
    }

    [Fact]
    public void the_coupon_picker_lists_only_usable_coupons_best_first_with_what_each_saves()
    {
        CouponInfo[] coupons =
        [
            new(Guid.NewGuid(), 300, 0, "新人红包 (welcome)", Noon.AddDays(30), "unused"),
            new(Guid.NewGuid(), 600, 3000, "满30减6 (¥6 off ¥30)", Noon.AddDays(30), "unused"),
            new(Guid.NewGuid(), 500, 0, "准时宝超时赔付 (late delivery compensation)", Noon.AddDays(3), "unused"),
            new(Guid.NewGuid(), 500, 0, "准时宝超时赔付 (late delivery compensation)", Noon.AddDays(20), "unused"),
            new(Guid.NewGuid(), 800, 0, "已用 (used)", Noon.AddDays(30), "used"),
            new(Guid.NewGuid(), 900, 0, "过期 (expired)", Noon.AddMinutes(-1), "unused"),
        ];

        var usable = CouponChoice.UsableFor(coupons, itemsFen: 2300, Noon);
        usable.Select(u => u.Coupon.Id).ShouldBe([coupons[2].Id, coupons[3].Id, coupons[0].Id], "biggest saving first, then the one expiring sooner");

        var picker = Render<CouponPicker>(p => p.Add(c => c.Usable, usable).Add(c => c.Selected, coupons[0].Id));
        var rows = picker.FindAll("[data-testid=coupon]");
        rows.Count.ShouldBe(3);
        rows[0].QuerySelector(".coupon-amount")!.TextContent.ShouldBe("¥5");
        rows[0].TextContent.ShouldContain("无门槛");
        rows[0].QuerySelector("[data-testid=saving]")!.TextContent.ShouldBe("本单可省¥5");
        rows[2].QuerySelector("input")!.HasAttribute("checked").ShouldBeTrue();
        picker.Find("[data-testid=no-coupon] input").HasAttribute("checked").ShouldBeFalse();
        picker.Find("h2").TextContent.ShouldContain("3张可用");

        CouponChoice.UsableFor(coupons, itemsFen: 3800, Noon)[0].Coupon.Id.ShouldBe(coupons[1].Id, "满30减6 is the best once the items reach ¥30");
        CouponChoice.UsableFor(coupons, itemsFen: 200, Noon)[0].SavingFen.ShouldBe(200, "a coupon never saves more than the dishes cost");
    }

    [Fact]
    public void an_address_tag_is_shown_in_the_pages_language_and_one_the_app_never_offered_as_stored()
    {
        AddressInfo At(string tag) => new(Guid.NewGuid(), Guid.NewGuid(), "王小明", "13912345678", "东区5号楼302室", tag);
        string Tag(string tag) => Render<AddressBlock>(p => p.Add(c => c.Address, At(tag))).Find("[data-testid=address-tag-label]").TextContent;

        Tag("公司").ShouldBe("公司");
        Render<AddressBlock>(p => p.Add(c => c.Address, At(""))).FindAll("[data-testid=address-tag-label]").ShouldBeEmpty();
        var chinese = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        try
        {
            Tag("家").ShouldBe("Home");
            Tag("公司").ShouldBe("Work");
            Tag("学校").ShouldBe("School");
            Tag("宿舍").ShouldBe("宿舍");
        }
        finally
        {
            CultureInfo.CurrentUICulture = chinese;
        }
    }

    private static CartQuote Quote() => new(
        Guid.NewGuid(), "老马家", true, [], [], 2300, 100, 300, 2700, 520, 0.3, 1500, 0, true,
        EstimatedArrivalAt: Noon.AddMinutes(25));
}
