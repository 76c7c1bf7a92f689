using System.Globalization;
using Kaifan.Web.Api;
using Kaifan.Web.Components.Customer;
using Kaifan.Web.Resources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Kaifan.Tests.Web;

/// <summary>The order page's 预计N分钟出餐 says the minutes the ETA under it plans with, not only what the shop stated.</summary>
public sealed class PrepHintTextTests : IDisposable
{
    private readonly ServiceProvider services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
    private readonly CultureInfo culture = CultureInfo.CurrentUICulture;

    [Fact]
    public void an_accepted_order_hints_the_learned_minutes_the_eta_uses_and_the_stated_ones_without_an_eta()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-Hans");
        var l = services.GetRequiredService<IStringLocalizer<Strings>>();
        var order = Accepted(statedMinutes: 10);

        OrderTitles.Hint(order, l, Eta(25.4, "learned")).ShouldBe("商家正在备餐，预计25分钟出餐");
        OrderTitles.Hint(order, l, Eta(10, "stated")).ShouldBe("商家正在备餐，预计10分钟出餐");
        OrderTitles.Hint(order, l).ShouldBe("商家正在备餐，预计10分钟出餐");
    }

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = culture;
        services.Dispose();
    }

    private static EtaInfo Eta(double prepMinutes, string source) =>
        new(Guid.NewGuid(), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddMinutes(40), 40,
            new EtaBasisInfo(prepMinutes, 3, 8, 4, 1.3, "ebike", 15, "merchant", prepMinutes, source));

    private static OrderInfo Accepted(int statedMinutes)
    {
        var at = DateTimeOffset.UnixEpoch;
        return new OrderInfo(
            Guid.NewGuid(), "1", "Accepted", "已接单", Guid.NewGuid(), "面馆", [], 2300, 100, 300, 2900, 800,
            new OrderAddress("张三", "13800000001", "东区1号楼"), null, 1, statedMinutes, at, at, at, at, null, null, null,
            [], false, false);
    }
}
