using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.Identity;
using Kaifan.Identity.Audit;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kaifan.Tests.Delivery.DeliveryKit;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Identity;

/// <summary>
/// The log cannot be changed through the app's connection (database triggers), and what an owner of the database
/// could still do, rewrite rows with fresh hashes or drop the newest ones, is caught by anchors kept outside it.
/// </summary>
public abstract partial class AuditLogTests
{
    [Fact]
    public async Task the_database_refuses_to_change_or_delete_a_recorded_row()
    {
        await ChangeWeatherAsync();
        var newest = await LatestSequenceAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();

        await Should.ThrowAsync<DbException>(() =>
            db.AuditLog.Where(e => e.Sequence == newest).ExecuteUpdateAsync(s => s.SetProperty(e => e.Outcome, 500)));
        await Should.ThrowAsync<DbException>(() => db.AuditLog.Where(e => e.Sequence >= newest - 1).ExecuteDeleteAsync());

        (await db.AuditLog.CountAsync(e => e.Sequence >= newest - 1)).ShouldBe(2);
        (await VerifyAsync())["intact"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task rows_rewritten_with_fresh_hashes_pass_the_chain_but_not_the_anchor_or_the_operators_receipt()
    {
        await ChangeWeatherAsync();
        var receipt = await AnchorAsync();
        await AwaitEntryAfterAsync(receipt.Sequence);

        await AuditTampering.AsDatabaseOwnerAsync(app, async db =>
        {
            var rows = await db.AuditLog.Where(e => e.Sequence >= receipt.Sequence).OrderBy(e => e.Sequence).AsNoTracking().ToListAsync();
            try
            {
                var previousHash = rows[0].PreviousHash;
                foreach (var row in rows)
                {
                    var detail = row.Sequence == receipt.Sequence ? "zoneId=forged" : row.Detail;
                    var hash = AuditChain.HashOf(row.Sequence, row.At, row.ActorId, row.ActorRole, row.Action, row.SubjectType, row.SubjectId, row.Outcome, detail, previousHash);
                    await Rewrite(db, row.Sequence, detail, previousHash, hash);
                    previousHash = hash;
                }

                (await VerifyAuditLog.VerifyAsync(db, [], CancellationToken.None)).Intact.ShouldBeTrue("the chain alone cannot tell");
                var broken = await VerifyAsync();
                broken["intact"]!.GetValue<bool>().ShouldBeFalse();
                broken["reason"]!.GetValue<string>().ShouldBe("anchor");
                broken["brokenAt"]!.GetValue<long>().ShouldBe(receipt.Sequence);

                var byReceipt = await VerifyAsync($"?sequence={receipt.Sequence}&hash={receipt.Hash}");
                byReceipt["reason"]!.GetValue<string>().ShouldBe("anchor");
            }
            finally
            {
                foreach (var row in rows)
                {
                    await Rewrite(db, row.Sequence, row.Detail, row.PreviousHash, row.Hash);
                }
            }
        });

        var intact = await VerifyAsync($"?sequence={receipt.Sequence}&hash={receipt.Hash}");
        intact["intact"]!.GetValue<bool>().ShouldBeTrue(intact.ToJsonString());
        intact["anchoredThrough"]!.GetValue<long>().ShouldBeGreaterThanOrEqualTo(receipt.Sequence);
        (await VerifyAsync($"?sequence={receipt.Sequence}&hash={new string('a', 64)}"))["reason"]!.GetValue<string>().ShouldBe("anchor");
    }

    [Fact]
    public async Task dropping_the_newest_rows_is_caught_by_the_anchor()
    {
        await ChangeWeatherAsync();
        await ChangeWeatherAsync();
        var anchor = await AnchorAsync();
        await AwaitEntryAfterAsync(anchor.Sequence);

        await AuditTampering.AsDatabaseOwnerAsync(app, async db =>
        {
            var dropped = await db.AuditLog.Where(e => e.Sequence >= anchor.Sequence - 1).AsNoTracking().ToListAsync();
            await db.AuditLog.Where(e => e.Sequence >= anchor.Sequence - 1).ExecuteDeleteAsync();
            try
            {
                (await VerifyAuditLog.VerifyAsync(db, [], CancellationToken.None)).Intact.ShouldBeTrue("the chain alone cannot tell");
                var broken = await VerifyAsync();
                broken["intact"]!.GetValue<bool>().ShouldBeFalse();
                broken["reason"]!.GetValue<string>().ShouldBe("truncated");
                broken["brokenAt"]!.GetValue<long>().ShouldBe(anchor.Sequence - 1);
            }
            finally
            {
                db.AuditLog.AddRange(dropped);
                await db.SaveChangesAsync();
            }
        });

        (await VerifyAsync())["intact"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task the_host_anchors_the_newest_row_every_hour_and_a_receipt_must_name_a_row_and_a_sha256()
    {
        await ChangeWeatherAsync();
        var newest = await LatestSequenceAsync();
        var anchors = app.Services.GetRequiredService<AuditAnchors>();

        app.Clock.Advance(TimeSpan.FromMinutes(61));
        await PaymentProbe.EventuallyAsync(
            async () => (await anchors.ReadAsync(CancellationToken.None)).Any(a => a.Sequence >= newest), "the hourly anchor");

        foreach (var (query, field) in new[] { ("?sequence=0&hash=" + new string('a', 64), "sequence"), ("?sequence=3&hash=xyz", "hash"), ("?sequence=3", "hash") })
        {
            var refused = await Ops.GetAsync("/api/ops/audit/verify" + query);
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await JsonOf(refused))["errors"]![field].ShouldNotBeNull();
        }
    }

    private async Task ChangeWeatherAsync() =>
        (await Ops.PutAsJsonAsync($"/api/ops/zones/{EastZone}/weather", new { badWeather = false })).StatusCode.ShouldBe(HttpStatusCode.OK);

    private async Task<AuditAnchor> AnchorAsync()
    {
        var response = await Ops.PostAsync("/api/ops/audit/anchors", null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<AuditAnchor>())!;
    }

    /// <summary>The anchor request is itself audited, after its answer: wait for that row so it cannot land mid-tampering.</summary>
    private Task AwaitEntryAfterAsync(long sequence) =>
        PaymentProbe.EventuallyAsync(async () => await LatestSequenceAsync() > sequence, "the anchor request's own entry");

    private async Task<JsonNode> VerifyAsync(string query) => await JsonOf(await Ops.GetAsync("/api/ops/audit/verify" + query));

    private static Task<int> Rewrite(IdentityDb db, long sequence, string? detail, string previousHash, string hash) =>
        db.AuditLog.Where(e => e.Sequence == sequence).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Detail, detail)
            .SetProperty(e => e.PreviousHash, previousHash)
            .SetProperty(e => e.Hash, hash));
}
