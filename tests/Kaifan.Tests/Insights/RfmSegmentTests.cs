using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.Insights.Segments;
using Kaifan.Tests.Infrastructure;

namespace Kaifan.Tests.Insights;

/// <summary>
/// Eight hand-made customers, one per segment: recent (ordered today) or not (80 days ago), frequent (12 orders in the
/// 90 days) or not (one), big spender (¥1,200 or more) or not (about a yuan). Scored against their own averages, each
/// lands in its segment, and the ops report counts one customer in each. The class holds this one test: the averages
/// are the station's, so no other test's customers may join them. Refunds count off what a customer spent: an order
/// refunded in full counts for nothing, one refunded in part for what was kept.
/// </summary>
public abstract class RfmSegmentTests(KaifanApp app)
{
    [Fact]
    public async Task each_hand_made_history_lands_in_its_own_segment_and_the_report_counts_one_in_each()
    {
        var now = app.Clock.GetUtcNow();
        var expected = new Dictionary<Guid, string>();
        foreach (var (recent, frequent, big, segment) in new[]
        {
            (true, true, true, RfmSegments.ImportantValue),
            (true, false, true, RfmSegments.ImportantDevelop),
            (false, true, true, RfmSegments.ImportantRetain),
            (false, false, true, RfmSegments.ImportantWinBack),
            (true, true, false, RfmSegments.GeneralValue),
            (true, false, false, RfmSegments.GeneralDevelop),
            (false, true, false, RfmSegments.GeneralRetain),
            (false, false, false, RfmSegments.GeneralWinBack),
        })
        {
            var customer = Guid.NewGuid();
            var orders = frequent ? 12 : 1;
            var fenEach = big ? (frequent ? 10_000 : 150_000) : (frequent ? 10 : 90);
            await RfmKit.HistoryAsync(app, customer, orders, fenEach, recent ? now : now.AddDays(-80));
            expected[customer] = segment;
        }

        // An order from before the 90 days counts in the lifetime profile but not in frequency or monetary.
        var lapsed = expected.Single(e => e.Value == RfmSegments.GeneralWinBack).Key;
        await RfmKit.DeliverAsync(app, lapsed, 500_000, now.AddDays(-120));

        // A big order refunded in full (its refund announced twice) leaves a small spender small and infrequent; a
        // champion refunded ¥50 of one order keeps the rest.
        var small = expected.Single(e => e.Value == RfmSegments.GeneralDevelop).Key;
        var refundedInFull = Guid.NewGuid();
        var refund = Guid.NewGuid();
        await RfmKit.RefundAsync(app, refundedInFull, 200_000, refund, now.AddHours(-2));
        await RfmKit.DeliverAsync(app, small, 200_000, now.AddHours(-3), refundedInFull);
        await RfmKit.RefundAsync(app, refundedInFull, 200_000, refund, now.AddHours(-2));
        var champion = expected.Single(e => e.Value == RfmSegments.ImportantValue).Key;
        var championsOrder = Guid.NewGuid();
        await RfmKit.DeliverAsync(app, champion, 10_000, now.AddDays(-20), championsOrder);
        await RfmKit.RefundAsync(app, championsOrder, 5_000, Guid.NewGuid(), now.AddDays(-19));

        var segments = await RfmKit.SegmentsAsync(app, [.. expected.Keys]);
        foreach (var (customer, segment) in expected)
        {
            segments[customer].ShouldBe(segment, RfmSegments.NameOf(segment));
        }

        var profile = await RfmKit.ProfileAsync(app, lapsed);
        profile!.DeliveredOrders.ShouldBe(2);
        profile.SpentFen.ShouldBe(500_090);
        profile.FirstOrderAt!.Value.ShouldBe(now.AddDays(-120), TimeSpan.FromMilliseconds(1));
        profile.LastOrderAt!.Value.ShouldBe(now.AddDays(-80), TimeSpan.FromMilliseconds(1));
        var smallProfile = await RfmKit.ProfileAsync(app, small);
        smallProfile!.DeliveredOrders.ShouldBe(1);
        smallProfile.SpentFen.ShouldBe(90);
        var championProfile = await RfmKit.ProfileAsync(app, champion);
        championProfile!.DeliveredOrders.ShouldBe(13);
        championProfile.SpentFen.ShouldBe(125_000);

        var report = await app.Client(TestTokens.Operator()).GetFromJsonAsync<JsonNode>("/api/ops/insights/segments");
        report!["customers"]!.GetValue<int>().ShouldBe(8);
        var rows = report["segments"]!.AsArray();
        rows.Select(r => r!["key"]!.GetValue<string>()).ShouldBe(RfmSegments.All);
        rows.ShouldAllBe(r => r!["customers"]!.GetValue<int>() == 1);
        var champions = rows.Single(r => r!["key"]!.GetValue<string>() == RfmSegments.ImportantValue)!;
        champions["name"]!.GetValue<string>().ShouldBe("重要价值客户");
        champions["avgFrequency"]!.GetValue<double>().ShouldBe(13);
        champions["totalMonetaryFen"]!.GetValue<long>().ShouldBe(125_000);
        report.ToJsonString().ShouldNotContain(lapsed.ToString(), Case.Insensitive);

        (await app.Client(TestTokens.Customer(1)).GetAsync("/api/ops/insights/segments")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class RfmSegmentOnSqlite(LunchtimeSqliteApp app) : RfmSegmentTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class RfmSegmentOnPostgres(LunchtimePostgresApp app) : RfmSegmentTests(app), IClassFixture<LunchtimePostgresApp>;
