using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kaifan.BuildingBlocks;
using Kaifan.Tests.Infrastructure;

namespace Kaifan.Tests.Identity;

public abstract class SignInTests(KaifanApp app)
{
    private readonly HttpClient client = app.Client();

    [Fact]
    public async Task a_new_phone_signs_in_with_the_texted_code_and_becomes_a_customer()
    {
        var phone = UniquePhone();
        (await client.PostAsJsonAsync("/api/auth/codes", new { phone })).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        var response = await client.PostAsJsonAsync("/api/auth/tokens", new { phone, code = app.Sms.LastCodeFor(phone) });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("role").GetString().ShouldBe("customer");
        var me = await app.Client(body.GetProperty("token").GetString()).GetFromJsonAsync<JsonElement>("/api/me");
        me.GetProperty("phone").GetString().ShouldBe(phone);
    }

    [Fact]
    public async Task a_seeded_merchant_signs_in_with_its_merchant_claim()
    {
        var phone = DemoCampus.MerchantPhone(3);
        await client.PostAsJsonAsync("/api/auth/codes", new { phone });

        var body = await (await client.PostAsJsonAsync("/api/auth/tokens", new { phone, code = app.Sms.LastCodeFor(phone) }))
            .Content.ReadFromJsonAsync<JsonElement>();

        body.GetProperty("role").GetString().ShouldBe("merchant");
        body.GetProperty("merchantId").GetGuid().ShouldBe(DemoCampus.MerchantId(3));
    }

    [Fact]
    public async Task a_code_works_only_once()
    {
        var phone = UniquePhone();
        await client.PostAsJsonAsync("/api/auth/codes", new { phone });
        var code = app.Sms.LastCodeFor(phone);

        (await client.PostAsJsonAsync("/api/auth/tokens", new { phone, code })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var again = await client.PostAsJsonAsync("/api/auth/tokens", new { phone, code });

        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await again.Content.ReadAsStringAsync()).ShouldContain("\"code\"");
    }

    [Fact]
    public async Task five_wrong_tries_kill_the_code_even_for_the_right_one()
    {
        var phone = UniquePhone();
        await client.PostAsJsonAsync("/api/auth/codes", new { phone });
        var code = app.Sms.LastCodeFor(phone);
        var wrong = code == "000000" ? "111111" : "000000";

        var tries = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.PostAsJsonAsync("/api/auth/tokens", new { phone, code = wrong })));
        tries.Count(r => r.StatusCode == HttpStatusCode.BadRequest).ShouldBe(5);
        tries.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests).ShouldBe(3);

        var right = await client.PostAsJsonAsync("/api/auth/tokens", new { phone, code });
        right.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        right.Headers.RetryAfter.ShouldNotBeNull();
    }

    [Fact]
    public async Task a_code_expires_after_five_minutes()
    {
        var phone = UniquePhone();
        await client.PostAsJsonAsync("/api/auth/codes", new { phone });
        var code = app.Sms.LastCodeFor(phone);

        app.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        (await client.PostAsJsonAsync("/api/auth/tokens", new { phone, code })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task the_sixth_code_in_an_hour_is_refused_with_retry_after()
    {
        var phone = UniquePhone();
        for (var i = 0; i < 5; i++)
        {
            (await client.PostAsJsonAsync("/api/auth/codes", new { phone })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        }

        var sixth = await client.PostAsJsonAsync("/api/auth/codes", new { phone });

        sixth.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        sixth.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var retryAfter = sixth.Headers.RetryAfter!.Delta!.Value;
        retryAfter.ShouldBeGreaterThan(TimeSpan.FromMinutes(55));
        retryAfter.ShouldBeLessThanOrEqualTo(TimeSpan.FromHours(1));

        app.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        (await client.PostAsJsonAsync("/api/auth/codes", new { phone })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task a_refused_code_may_be_asked_again_when_the_oldest_code_of_the_hour_expires()
    {
        var phone = UniquePhone();
        for (var i = 0; i < 5; i++)
        {
            (await client.PostAsJsonAsync("/api/auth/codes", new { phone })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
            app.Clock.Advance(TimeSpan.FromMinutes(10));
        }

        // The first code was 50 minutes ago: 10 minutes until it leaves the hour, not 20 for the second one.
        var sixth = await client.PostAsJsonAsync("/api/auth/codes", new { phone });

        sixth.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        sixth.Headers.RetryAfter!.Delta!.Value.ShouldBe(TimeSpan.FromMinutes(10));
        app.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        (await client.PostAsJsonAsync("/api/auth/codes", new { phone })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    [Theory]
    [InlineData("{\"phone\":\"12345\"}", "phone")]
    [InlineData("{\"phone\":\"13800001111\",\"code\":\"12ab56\"}", "code")]
    [InlineData("{\"phone\":", "phone")]
    [InlineData("{\"phone\":13800001111,\"code\":\"123456\"}", "phone")]
    [InlineData("not json", "body")]
    public async Task bad_sign_in_input_is_a_problem_naming_the_field(string json, string field)
    {
        var response = await client.PostAsync("/api/auth/tokens", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.TryGetProperty(field, out _).ShouldBeTrue(errors.ToString());
    }

    private static string UniquePhone() => "159" + Random.Shared.Next(0, 100_000_000).ToString("D8");
}

public sealed class SignInOnSqlite(SqliteApp app) : SignInTests(app), IClassFixture<SqliteApp>;

public sealed class SignInOnPostgres(PostgresApp app) : SignInTests(app), IClassFixture<PostgresApp>;
