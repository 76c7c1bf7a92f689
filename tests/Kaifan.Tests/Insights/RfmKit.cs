using System.Net.Http.Json;
using Kaifan.Contracts;
using Kaifan.Contracts.Events;
using Kaifan.Insights;
using Kaifan.Insights.Segments;
using Kaifan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Tests.Insights;

/// <summary>
/// Hand-made purchase histories: each order's OrderPlaced and OrderDelivered go straight to the profile handler (as
/// Wolverine would hand them over, one transaction each), so a history can reach months into the past.
/// </summary>
internal static class RfmKit
{
    public static async Task DeliverAsync(KaifanApp app, Guid customerId, long fen, DateTimeOffset placedAt, Guid? orderId = null)
    {
        var id = orderId ?? Guid.NewGuid();
        await HandleAsync(app, db => CustomerProfileHandler.Handle(
            new OrderPlaced(id, customerId, Guid.NewGuid(), Guid.NewGuid(), fen, placedAt), db, CancellationToken.None));
        await HandleAsync(app, db => CustomerProfileHandler.Handle(
            new OrderDelivered(id, Guid.NewGuid(), "door", null, placedAt.AddMinutes(30)), db, CancellationToken.None));
    }

    /// <summary>Money back on an order, as Payments announces it (once per refund, but possibly delivered twice).</summary>
    public static Task RefundAsync(KaifanApp app, Guid orderId, long fen, Guid refundId, DateTimeOffset at) =>
        HandleAsync(app, db => CustomerProfileHandler.Handle(new PaymentRefunded(Guid.NewGuid(), orderId, fen, at, refundId), db, CancellationToken.None));

    /// <summary>Orders of fenEach, one a day, the last one placed at last.</summary>
    public static async Task HistoryAsync(KaifanApp app, Guid customerId, int orders, long fenEach, DateTimeOffset last)
    {
        for (var i = orders - 1; i >= 0; i--)
        {
            await DeliverAsync(app, customerId, fenEach, last.AddDays(-i));
        }
    }

    public static async Task HandleAsync(KaifanApp app, Func<InsightsDb, Task> handle)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InsightsDb>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await handle(db);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    /// <summary>A customer who signed up with a fresh phone (consent needs an account) and consents to marketing.</summary>
    public static async Task<Guid> ConsentingCustomerAsync(KaifanApp app)
    {
        var phone = "139" + Random.Shared.Next(10_000_000, 99_999_999);
        var anonymous = app.Client();
        (await anonymous.PostAsJsonAsync("/api/auth/codes", new { phone })).EnsureSuccessStatusCode();
        var signedIn = await anonymous.PostAsJsonAsync("/api/auth/tokens", new { phone, code = app.Sms.LastCodeFor(phone) });
        signedIn.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, await signedIn.Content.ReadAsStringAsync());
        var body = (await signedIn.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonNode>())!;
        var customerId = body["userId"]!.GetValue<Guid>();
        var consent = await app.Client(TestTokens.Issue(customerId, Roles.Customer))
            .PutAsJsonAsync($"/api/me/consents/{ConsentPurposes.Marketing}", new { granted = true });
        consent.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, await consent.Content.ReadAsStringAsync());
        return customerId;
    }

    /// <summary>Refreshes the station's segments (as the scheduler's tick does) and answers each customer's.</summary>
    public static async Task<Dictionary<Guid, string?>> SegmentsAsync(KaifanApp app, params Guid[] customers)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SegmentRefresh>().RefreshAsync(CancellationToken.None);
        return await scope.ServiceProvider.GetRequiredService<InsightsDb>().CustomerProfiles.AsNoTracking()
            .Where(p => customers.Contains(p.CustomerId)).ToDictionaryAsync(p => p.CustomerId, p => p.Segment);
    }

    public static async Task<CustomerProfile?> ProfileAsync(KaifanApp app, Guid customerId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InsightsDb>().CustomerProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.CustomerId == customerId);
    }
}
