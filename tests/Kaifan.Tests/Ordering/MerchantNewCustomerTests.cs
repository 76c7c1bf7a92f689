using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.Tests.Dispatch;
using Kaifan.Tests.Infrastructure;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Ordering;

/// <summary>
/// 门店新客 on the shop's board: an order is marked when it is its customer's first order at the shop that stands (one
/// cancelled before the shop accepted it does not), the rule 新客立减 uses; the board's 新增用户 counts those orders.
/// </summary>
public abstract class MerchantNewCustomerTests(LunchtimeApp app)
{
    [Fact]
    public async Task only_a_customers_first_kept_order_at_the_shop_is_marked_as_a_new_customers()
    {
        var first = await app.AcceptedWithPrepAsync(3, prepMinutes: 5);
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await app.AcceptedWithPrepAsync(3, prepMinutes: 5);
        var cancelled = await PaidAsync(4);
        (await app.Client(TestTokens.Customer(4)).PostAsJsonAsync($"/api/orders/{cancelled}/cancel", new { reason = "不想要了" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var afterCancelling = await app.AcceptedWithPrepAsync(4, prepMinutes: 5);

        var today = await NewCustomerMarksAsync();
        today[first].ShouldBeTrue();
        today[second].ShouldBeFalse("the customer's second order today");
        today[cancelled].ShouldBeFalse("an order cancelled before the shop accepted it does not stand");
        today[afterCancelling].ShouldBeTrue("a cancelled first order does not make a customer a returning one");

        app.Clock.Advance(TimeSpan.FromDays(1));
        var returning = await app.AcceptedWithPrepAsync(3, prepMinutes: 5);
        var newcomer = await app.AcceptedWithPrepAsync(5, prepMinutes: 5);

        var tomorrow = await NewCustomerMarksAsync();
        tomorrow.ShouldNotContainKey(first);
        tomorrow[returning].ShouldBeFalse("yesterday's order makes the customer a returning one");
        tomorrow[newcomer].ShouldBeTrue();
    }

    private async Task<Guid> PaidAsync(int customer)
    {
        var order = await PlacedAsync(app.Client(TestTokens.Customer(customer)), Cart(customer, Line(ColdBeef, 1)));
        await app.PayAsync(order);
        await Payments.PaymentProbe.EventuallyAsync(async () => await app.StatusAsync(IdOf(order), customer) == "AwaitingAcceptance", "the order is paid");
        return IdOf(order);
    }

    private async Task<Dictionary<Guid, bool>> NewCustomerMarksAsync() =>
        (await JsonOf(await app.Staff().GetAsync("/api/merchant/orders"))).AsArray()
            .ToDictionary(o => o!["id"]!.GetValue<Guid>(), o => o!["newCustomer"]!.GetValue<bool>());
}

public sealed class MerchantNewCustomerOnSqlite(LunchtimeSqliteApp app) : MerchantNewCustomerTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class MerchantNewCustomerOnPostgres(LunchtimePostgresApp app) : MerchantNewCustomerTests(app), IClassFixture<LunchtimePostgresApp>;
