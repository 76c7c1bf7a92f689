using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.Contracts;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Ordering;

namespace Kaifan.Tests.Growth;

/// <summary>Wheels, spins and share links through the API, as the lucky wheel tests use them.</summary>
internal static class LuckyWheelKit
{
    public static object Coupon(long amountFen, int weight, int stock, long minSpendFen = 0) =>
        new { kind = "coupon", amountFen, minSpendFen, couponDays = 7, weight, stock };

    public static object Nothing(int weight = 1, int? stock = null) =>
        new { kind = "nothing", amountFen = 0, minSpendFen = 0, couponDays = 0, weight, stock };

    /// <summary>A wheel whose first segment is the coupon in <paramref name="first"/>; the rest are 谢谢参与.</summary>
    public static object Body(KaifanApp app, object first, int freeSpinsPerDay = 1, int maxShareSpinsPerDay = 3, string? name = null)
    {
        var now = app.Clock.GetUtcNow();
        return new
        {
            name = name ?? "转盘" + Random.Shared.Next(1000, 9999),
            startsAt = now.AddMinutes(-1),
            endsAt = now.AddDays(3),
            freeSpinsPerDay,
            maxShareSpinsPerDay,
            prizes = new[] { first, Nothing(), Nothing(), Nothing() },
        };
    }

    public static async Task<Guid> CreateAsync(KaifanApp app, object body)
    {
        var response = await app.Client(TestTokens.Operator()).PostAsJsonAsync("/api/ops/growth/wheels", body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await OrderingKit.JsonOf(response))["id"]!.GetValue<Guid>();
    }

    public static HttpClient FreshCustomer(KaifanApp app) => app.Client(TestTokens.Issue(Guid.NewGuid(), Roles.Customer));

    public static Task<HttpResponseMessage> SpinAsync(HttpClient customer, Guid wheelId) =>
        customer.PostAsJsonAsync("/api/growth/wheel/spin", new { wheelId });

    public static Task<HttpResponseMessage> OpenShareAsync(HttpClient friend, Guid wheelId, string from) =>
        friend.PostAsJsonAsync("/api/growth/wheel/shares", new { wheelId, from });

    public static async Task<JsonNode> MineAsync(HttpClient customer, Guid wheelId) =>
        (await customer.GetFromJsonAsync<JsonNode>($"/api/growth/wheel?wheelId={wheelId}"))!;

    public static async Task<JsonNode> OpsViewAsync(KaifanApp app, Guid wheelId) =>
        (await app.Client(TestTokens.Operator()).GetFromJsonAsync<JsonArray>("/api/ops/growth/wheels"))!
            .Single(w => w!["id"]!.GetValue<Guid>() == wheelId)!;
}
