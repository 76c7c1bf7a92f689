using System.Globalization;
using Kaifan.Web.Api;
using Kaifan.Web.Components.Customer;
using Kaifan.Web.Resources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Kaifan.Tests.Web;

/// <summary>The delivered order page's 准时宝 verdict, in place of the promise, in both languages.</summary>
public sealed class GuaranteeOutcomeTextTests : IDisposable
{
    /// <summary>17:00 UTC is already the next day in Shanghai: the coupon's expiry is read there.</summary>
    private static readonly DateTimeOffset Expires = new(2026, 12, 30, 17, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
    private readonly CultureInfo culture = CultureInfo.CurrentUICulture;

    [Theory]
    [InlineData("zh-Hans", "准时宝：已准时送达", "准时宝：超时7分钟，已赔付¥5优惠券（有效期至12-31）", "准时宝：超时7分钟，¥5优惠券发放中")]
    [InlineData("en", "On-time guarantee: delivered on time", "On-time guarantee: 7 min late; a ¥5 coupon is yours (valid until 12-31)",
        "On-time guarantee: 7 min late; your ¥5 coupon is on its way")]
    public void the_verdict_replaces_the_promise_kept_or_missed_with_the_coupons_amount_and_shanghai_expiry(string language, string kept, string missed, string issuing)
    {
        CultureInfo.CurrentUICulture = new CultureInfo(language);
        var l = services.GetRequiredService<IStringLocalizer<Strings>>();

        GuaranteeText.Current(Guaranteed(null), l).ShouldNotBe(kept, "no verdict before the delivery: the promise stands");
        GuaranteeText.Outcome(Guaranteed(null), l).ShouldBeNull();
        GuaranteeText.Outcome(Guaranteed(new("kept", null, null)), l).ShouldBe(kept);
        GuaranteeText.Current(Guaranteed(new("missed", 7, new(Guid.NewGuid(), 500, Expires))), l).ShouldBe(missed);
        GuaranteeText.Outcome(Guaranteed(new("missed", 7, null)), l).ShouldBe(issuing);
    }

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = culture;
        services.Dispose();
    }

    private static OrderInfo Guaranteed(GuaranteeOutcomeInfo? outcome)
    {
        var at = Expires.AddDays(-30);
        return new OrderInfo(
            Guid.NewGuid(), "1", "Delivered", "已送达", Guid.NewGuid(), "面馆", [], 2300, 100, 300, 2900, 800,
            new OrderAddress("张三", "13800000001", "东区1号楼"), null, 1, 10, at, at, at, at, at, null, null,
            [], false, false, ServiceTier: "guaranteed", ServiceFeeFen: 200,
            PromisedWindow: new PromisedWindowInfo(at, at.AddMinutes(-3), at.AddMinutes(3), 500), GuaranteeOutcome: outcome);
    }
}
