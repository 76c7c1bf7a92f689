using System.Text.Json;
using Kaifan.Contracts.Queries;
using Kaifan.Growth;
using Kaifan.Growth.GroupBuys;
using Kaifan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Tests.Growth;

/// <summary>
/// A person's 拼团 seats, held or given up, are in their data export; erasure keeps the held seats counted but no longer
/// theirs and removes the ones given up.
/// </summary>
public abstract class GroupBuyPersonalDataTests(KaifanApp app)
{
    [Fact]
    public async Task the_seats_are_exported_and_erasure_leaves_the_group_full_under_ids_of_nobody()
    {
        var person = Guid.NewGuid();
        var other = Guid.NewGuid();
        var now = app.Clock.GetUtcNow();
        var group = new GroupBuy { Id = Guid.NewGuid(), DealId = Guid.NewGuid(), MerchantId = Guid.NewGuid(), Size = 2, Taken = 2, OpenedAt = now, ExpiresAt = now.AddMinutes(30) };
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GrowthDb>();
            db.Groups.Add(group);
            db.GroupMembers.Add(new GroupMember { OrderId = Guid.NewGuid(), GroupId = group.Id, CustomerId = person, IsLeader = true, JoinedAt = now, PaidAt = now });
            db.GroupMembers.Add(new GroupMember { OrderId = Guid.NewGuid(), GroupId = group.Id, CustomerId = other, JoinedAt = now.AddMinutes(1) });
            db.GroupDepartures.Add(new GroupDeparture
            {
                OrderId = Guid.NewGuid(), GroupId = group.Id, CustomerId = person, JoinedAt = now.AddMinutes(-5), PaidAt = now.AddMinutes(-5), LeftAt = now.AddMinutes(-2),
                Kind = DepartureKind.Left,
            });
            await db.SaveChangesAsync();
        }

        await using var check = app.Services.CreateAsyncScope();
        var export = check.ServiceProvider.GetServices<IPersonalDataExport>().Single(e => e.Section == "groupBuys");
        var seats = JsonSerializer.SerializeToNode(await export.ExportAsync(person, default))!.AsArray();
        seats.Select(s => (s!["GroupId"]!.GetValue<Guid>(), s["Membership"]!.GetValue<string>(), s["Leader"]!.GetValue<bool>()))
            .ShouldBe([(group.Id, "left", false), (group.Id, "joined", true)]);
        seats[0]!["LeftAt"]!.GetValue<DateTimeOffset>().ShouldBe(now.AddMinutes(-2), TimeSpan.FromMilliseconds(1));

        await check.ServiceProvider.GetServices<IPersonalDataErasure>().Single(e => e is GroupBuysErasure).EraseAsync(person, default);

        (await export.ExportAsync(person, default)).ShouldBeNull();
        (await export.ExportAsync(other, default)).ShouldNotBeNull("only the erased person's seat changes hands");
        var members = await check.ServiceProvider.GetRequiredService<GrowthDb>().GroupMembers.AsNoTracking().Where(m => m.GroupId == group.Id).ToListAsync();
        members.Count.ShouldBe(2);
        members.ShouldNotContain(m => m.CustomerId == person);
        (await check.ServiceProvider.GetRequiredService<GrowthDb>().GroupDepartures.AnyAsync(d => d.CustomerId == person)).ShouldBeFalse("a seat given up counts for nothing");
    }
}

public sealed class GroupBuyPersonalDataOnSqlite(SqliteApp app) : GroupBuyPersonalDataTests(app), IClassFixture<SqliteApp>;

public sealed class GroupBuyPersonalDataOnPostgres(PostgresApp app) : GroupBuyPersonalDataTests(app), IClassFixture<PostgresApp>;
