using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Contracts.Queries;
using Kaifan.Identity;
using Kaifan.Ordering;
using Kaifan.Ordering.Orders;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Ordering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Tests.Identity;

/// <summary>
/// 注销账号 (GDPR art. 17, PIPL art. 47): a customer with nothing under way erases their account; the books keep the
/// order's amounts, the order no longer holds their contact details, and their phone signs up again as someone new.
/// </summary>
public abstract partial class AccountErasureTests(KaifanApp app)
{
    private const int Erased = 3;
    private const int Busy = 2;
    private const int Hesitant = 1;

    [Fact]
    public async Task a_customer_with_a_delivered_order_erases_their_account_and_the_books_keep_the_totals()
    {
        var client = app.Client(TestTokens.Customer(Erased));
        var order = await OrderingKit.PlacedAsync(client, OrderingKit.BeefRiceAndTea(Erased));
        var orderId = OrderingKit.IdOf(order);
        await app.PayAsync(order);
        await DeliveredAsync(orderId);
        var detail = (await client.GetFromJsonAsync<JsonArray>("/api/me/addresses"))![0]!["detail"]!.GetValue<string>();
        var phone = DemoCampus.CustomerPhone(Erased);

        var erased = await client.PostAsJsonAsync("/api/me/erasure", new { confirm = "注销" });

        erased.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.GetAsync("/api/me/data-export")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        // The token the person still holds would otherwise place orders in the name of an account that no longer exists.
        (await client.PostAsJsonAsync("/api/orders", OrderingKit.BeefRiceAndTea(Erased))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var protector = scope.ServiceProvider.GetRequiredService<IPersonalDataProtector>();
            var kept = await scope.ServiceProvider.GetRequiredService<OrderingDb>().Orders.AsNoTracking().SingleAsync(o => o.Id == orderId);
            kept.TotalFen.ShouldBe(order["totalFen"]!.GetValue<long>());
            kept.ItemsTotalFen.ShouldBe(order["itemsTotalFen"]!.GetValue<long>());
            kept.Status.ShouldBe(OrderStatus.Delivered);
            kept.Lines.Count.ShouldBe(2);
            protector.Unprotect(kept.AddressDetailProtected).ShouldNotBe(detail);
            protector.Unprotect(kept.PhoneProtected).ShouldNotBe(phone);
            protector.Unprotect(kept.ContactNameProtected).ShouldBe("已注销");
            kept.ExceptionNote.ShouldBe("已注销", "a rider's 配送异常 note may describe the customer");
            kept.Latitude.ShouldBe(Math.Round(kept.Latitude, 2));
            kept.Longitude.ShouldBe(Math.Round(kept.Longitude, 2));
            (await scope.ServiceProvider.GetRequiredService<OrderingDb>().Orders.CountAsync(o => o.CustomerId == DemoCampus.CustomerId(Erased)))
                .ShouldBe(1);

            var identity = scope.ServiceProvider.GetRequiredService<IdentityDb>();
            (await identity.Addresses.CountAsync(a => a.CustomerId == DemoCampus.CustomerId(Erased))).ShouldBe(0);
            (await identity.PrivacyRequests.SingleAsync(r => r.UserId == DemoCampus.CustomerId(Erased))).Kind.ShouldBe("erasure");
        }

        var anonymous = app.Client();
        (await anonymous.PostAsJsonAsync("/api/auth/codes", new { phone })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var signIn = await anonymous.PostAsJsonAsync("/api/auth/tokens", new { phone, code = app.Sms.LastCodeFor(phone) });
        signIn.StatusCode.ShouldBe(HttpStatusCode.OK);
        var newcomer = (await signIn.Content.ReadFromJsonAsync<JsonNode>())!;
        newcomer["userId"]!.GetValue<Guid>().ShouldNotBe(DemoCampus.CustomerId(Erased));
        newcomer["role"]!.GetValue<string>().ShouldBe("customer");
    }

    [Fact]
    public async Task a_customer_with_an_order_in_progress_is_refused_and_nothing_changes()
    {
        var client = app.Client(TestTokens.Customer(Busy));
        var order = await OrderingKit.PlacedAsync(client, OrderingKit.BeefRiceAndTea(Busy));
        await app.PayAsync(order);

        var refused = await client.PostAsJsonAsync("/api/me/erasure", new { confirm = "注销" });

        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await refused.Content.ReadAsStringAsync()).ShouldContain(order["number"]!.GetValue<string>());
        (await client.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetFromJsonAsync<JsonArray>("/api/me/addresses"))!.Count.ShouldBeGreaterThan(0);
        var export = (await client.GetFromJsonAsync<JsonNode>("/api/me/data-export"))!;
        export["sections"]!["account"]!["phone"]!.GetValue<string>().ShouldBe(DemoCampus.CustomerPhone(Busy));
    }

    [Fact]
    public async Task without_typing_the_word_exactly_nothing_is_erased()
    {
        var client = app.Client(TestTokens.Customer(Hesitant));

        var wrong = await client.PostAsJsonAsync("/api/me/erasure", new { confirm = "注 销" });

        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await wrong.Content.ReadAsStringAsync()).ShouldContain("confirm", Case.Insensitive);
        (await client.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.Client(TestTokens.MerchantStaff()).PostAsJsonAsync("/api/me/erasure", new { confirm = "注销" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    /// <summary>As if the rider had handed the food over: the delivery flow itself is tested elsewhere.</summary>
    private async Task DeliveredAsync(Guid orderId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var now = app.Clock.GetUtcNow();
        await scope.ServiceProvider.GetRequiredService<OrderingDb>().Orders.Where(o => o.Id == orderId)
            .ExecuteUpdateAsync(u => u.SetProperty(o => o.Status, OrderStatus.Delivered).SetProperty(o => o.DeliveredAt, now)
                .SetProperty(o => o.ExceptionKind, "customer_unreachable").SetProperty(o => o.ExceptionNote, "顾客住在3号楼502，电话不接"));
    }
}

public sealed class AccountErasureOnSqlite(LunchtimeSqliteApp app) : AccountErasureTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class AccountErasureOnPostgres(LunchtimePostgresApp app) : AccountErasureTests(app), IClassFixture<LunchtimePostgresApp>;
