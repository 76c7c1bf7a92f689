using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kaifan.BuildingBlocks;
using Kaifan.Contracts.Queries;
using Kaifan.Identity;
using Kaifan.Identity.Users;
using Kaifan.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Tests.Identity;

public abstract class AddressAccessTests(KaifanApp app)
{
    [Fact]
    public async Task a_customer_lists_only_their_own_addresses_in_full()
    {
        var addresses = await app.Client(TestTokens.Customer(1)).GetFromJsonAsync<JsonElement[]>("/api/me/addresses") ?? [];

        var only = addresses.ShouldHaveSingleItem();
        only.GetProperty("id").GetGuid().ShouldBe(DemoCampus.Id("address:1"));
        only.GetProperty("phone").GetString().ShouldBe(DemoCampus.CustomerPhone(1));
    }

    [Fact]
    public async Task another_customers_address_cannot_be_changed_or_deleted()
    {
        var intruder = app.Client(TestTokens.Customer(2));
        var victimsAddress = DemoCampus.Id("address:1");
        var edit = new
        {
            zoneId = DemoCampus.ZoneId(1), contactName = "坏人", phone = "13912345678", detail = "别处", latitude = 31.0, longitude = 121.4,
            tag = "家", stairsNoLift = false,
        };

        (await intruder.PutAsJsonAsync($"/api/me/addresses/{victimsAddress}", edit)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await intruder.DeleteAsync($"/api/me/addresses/{victimsAddress}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var owners = await app.Client(TestTokens.Customer(1)).GetFromJsonAsync<JsonElement[]>("/api/me/addresses") ?? [];
        owners.ShouldHaveSingleItem().GetProperty("contactName").GetString().ShouldBe("张伟");
    }

    [Fact]
    public async Task an_empty_address_is_refused_naming_each_field_in_chinese_and_english()
    {
        var empty = new { zoneId = Guid.Empty, contactName = "", phone = "", detail = "", latitude = 91.0, longitude = 121.4, tag = "宿舍" };

        var response = await app.Client(TestTokens.Customer(3)).PostAsJsonAsync("/api/me/addresses", empty);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        string First(string field) => errors.GetProperty(field)[0].GetString()!;
        First("contactName").ShouldBe("请填写联系人 (contactName is required)");
        First("detail").ShouldBe("请填写详细地址 (detail is required)");
        First("zoneId").ShouldBe("请选择区域 (zoneId is required)");
        First("latitude").ShouldBe("纬度须在-90到90之间 (latitude must be between -90 and 90)");
        First("tag").ShouldBe("标签只能是 家 / 公司 / 学校 (tag must be home, work or school)");
    }

    [Fact]
    public async Task the_operator_sees_people_with_masked_phones_and_names()
    {
        var users = await app.Client(TestTokens.Operator()).GetFromJsonAsync<JsonElement[]>("/api/ops/users?role=customer") ?? [];

        var first = users.Single(u => u.GetProperty("userId").GetGuid() == DemoCampus.CustomerId(1));
        first.GetProperty("maskedPhone").GetString().ShouldBe("138****0001");
        first.GetProperty("maskedName").GetString().ShouldBe("张*");
        JsonSerializer.Serialize(users).ShouldNotContain(DemoCampus.CustomerPhone(1));
    }

    [Fact]
    public async Task a_console_gets_the_phones_of_the_riders_it_shows_however_many_the_station_has()
    {
        var seeded = await SeedRidersAsync(501);
        var ops = app.Client(TestTokens.Operator());

        var last = seeded[^1];
        var asked = await ops.GetFromJsonAsync<JsonElement[]>($"/api/ops/users?riderId={last}&riderId={DemoCampus.RiderId(1)}") ?? [];
        asked.Select(u => u.GetProperty("riderId").GetGuid()).Order().ShouldBe(new[] { last, DemoCampus.RiderId(1) }.Order());
        asked.Single(u => u.GetProperty("riderId").GetGuid() == last).GetProperty("maskedPhone").GetString().ShouldBe("171****0501");

        var tooMany = string.Join('&', seeded.Take(101).Select(id => $"riderId={id}"));
        await (await ops.GetAsync("/api/ops/users?" + tooMany)).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "riderId");

        var firstPage = await ops.GetAsync("/api/ops/users?role=rider");
        firstPage.More().ShouldBeTrue();
        (await firstPage.Content.ReadFromJsonAsync<JsonElement[]>())!.Length.ShouldBe(500);
        var longer = await ops.GetAsync("/api/ops/users?role=rider&limit=1000");
        longer.More().ShouldBeFalse();
        (await longer.Content.ReadFromJsonAsync<JsonElement[]>())!.ShouldContain(u => u.GetProperty("riderId").GetGuid() == last);
    }

    /// <summary>Riders' accounts written straight to Identity's table: signing up hundreds through HTTP would cost seconds.</summary>
    private async Task<List<Guid>> SeedRidersAsync(int count)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        var protector = scope.ServiceProvider.GetRequiredService<IPersonalDataProtector>();
        var start = DateTimeOffset.UtcNow;
        var riders = Enumerable.Range(1, count).Select(i => (RiderId: Guid.NewGuid(), Phone: $"1710000{i:0000}", At: start.AddMilliseconds(i))).ToList();
        db.Users.AddRange(riders.Select(r => new User
        {
            Id = Guid.NewGuid(), Role = "rider", PhoneCipher = protector.Protect(r.Phone), PhoneHash = protector.LookupHash(r.Phone), RiderId = r.RiderId, CreatedAt = r.At,
        }));
        await db.SaveChangesAsync();
        return riders.Select(r => r.RiderId).ToList();
    }

    [Fact]
    public async Task customers_cannot_use_the_operator_list()
    {
        var response = await app.Client(TestTokens.Customer(1)).GetAsync("/api/ops/users");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class AddressAccessOnSqlite(SqliteApp app) : AddressAccessTests(app), IClassFixture<SqliteApp>;

public sealed class AddressAccessOnPostgres(PostgresApp app) : AddressAccessTests(app), IClassFixture<PostgresApp>;
