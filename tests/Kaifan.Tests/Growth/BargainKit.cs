using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.Contracts;
using Kaifan.Ordering;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Ordering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Tests.Growth;

/// <summary>砍价 through the real API: campaigns on the noodle shop's 凉拌牛肉 (¥15), fresh customers, their coupons.</summary>
internal static class BargainKit
{
    public const long ColdBeefFen = 1500;

    public static async Task<Guid> CampaignAsync(KaifanApp app, int helpersNeeded = 3, long floorPriceFen = 0, int hours = 24)
    {
        var response = await app.Client(TestTokens.Operator()).PostAsJsonAsync("/api/ops/growth/bargain-campaigns", CampaignBody(app, helpersNeeded, floorPriceFen, hours));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await OrderingKit.JsonOf(response))["id"]!.GetValue<Guid>();
    }

    /// <summary>Tiers at 30 % (¥3 无门槛) and 60 % (¥6 满20); the floor's own coupon comes on top.</summary>
    public static Dictionary<string, object?> CampaignBody(KaifanApp app, int helpersNeeded = 3, long floorPriceFen = 0, int hours = 24)
    {
        var now = app.Clock.GetUtcNow();
        return new Dictionary<string, object?>
        {
            ["merchantId"] = OrderingKit.Shop, ["dishId"] = OrderingKit.ColdBeef, ["floorPriceFen"] = floorPriceFen, ["helpersNeeded"] = helpersNeeded,
            ["hoursToBargain"] = hours, ["startsAt"] = now.AddMinutes(-1), ["endsAt"] = now.AddDays(30), ["couponDays"] = 7,
            ["tiers"] = new[] { new { cutPercent = 30, amountFen = 300, minSpendFen = 0 }, new { cutPercent = 60, amountFen = 600, minSpendFen = 2000 } },
        };
    }

    public static HttpClient Customer(KaifanApp app, Guid id) => app.Client(TestTokens.Issue(id, Roles.Customer));

    public static Task<HttpResponseMessage> StartAsync(HttpClient customer, Guid campaignId) =>
        customer.PostAsJsonAsync("/api/growth/bargains", new { campaignId });

    public static async Task<Guid> StartedAsync(HttpClient customer, Guid campaignId)
    {
        var response = await StartAsync(customer, campaignId);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await OrderingKit.JsonOf(response))["id"]!.GetValue<Guid>();
    }

    public static Task<HttpResponseMessage> CutAsync(HttpClient helper, Guid bargainId) =>
        helper.PostAsync($"/api/growth/bargains/{bargainId}/cuts", null);

    public static async Task<JsonNode> ViewAsync(HttpClient viewer, Guid bargainId) =>
        (await viewer.GetFromJsonAsync<JsonNode>($"/api/growth/bargains/{bargainId}"))!;

    public static async Task<List<(long AmountFen, long MinSpendFen, string Reason)>> CouponsAsync(KaifanApp app, Guid customerId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var coupons = await scope.ServiceProvider.GetRequiredService<OrderingDb>().Coupons.AsNoTracking().Where(c => c.CustomerId == customerId).ToListAsync();
        return coupons.OrderBy(c => c.AmountFen).Select(c => (c.AmountFen, c.MinSpendFen, c.Reason)).ToList();
    }
}
