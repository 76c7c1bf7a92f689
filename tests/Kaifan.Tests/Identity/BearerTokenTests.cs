using System.Net;
using System.Security.Claims;
using System.Text;
using Kaifan.BuildingBlocks;
using Kaifan.Contracts;
using Kaifan.Identity.SignIn;
using Kaifan.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Kaifan.Tests.Identity;

/// <summary>
/// The host remembers tokens it validated (pings come every few seconds); remembering must never let a token
/// in that validation would turn away.
/// </summary>
public abstract class BearerTokenTests(KaifanApp app)
{
    [Fact]
    public async Task a_forged_token_is_refused_while_the_riders_real_token_keeps_working()
    {
        var real = TestTokens.Rider(9);
        (await app.Client(real).GetAsync("/api/rider/status")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var otherKey = Issue(DemoCampus.RiderId(9), DateTime.UtcNow.AddDays(1), "another-signing-key-0123456789-0123456789-xyz");
        (await app.Client(otherKey).GetAsync("/api/rider/status")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // The real header and signature with someone else's rider id in the payload.
        var parts = real.Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]).Replace(DemoCampus.RiderId(9).ToString(), DemoCampus.RiderId(10).ToString());
        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
        (await app.Client(tampered).GetAsync("/api/rider/status")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        (await app.Client(real).GetAsync("/api/rider/status")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.Client(real + "x").GetAsync("/api/rider/status")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task an_expired_token_is_refused()
    {
        var expired = Issue(DemoCampus.RiderId(11), DateTime.UtcNow.AddHours(-1), TestTokens.SigningKey);

        (await app.Client(expired).GetAsync("/api/rider/status")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.Client(expired).GetAsync("/api/rider/status")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task a_token_that_expires_after_it_was_remembered_is_refused()
    {
        var shortLived = Issue(DemoCampus.RiderId(11), app.Clock.GetUtcNow().UtcDateTime.AddMinutes(1), TestTokens.SigningKey);
        (await app.Client(shortLived).GetAsync("/api/rider/status")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Past exp and past the validator's 5-minute clock skew.
        app.Clock.Advance(TimeSpan.FromMinutes(10));

        (await app.Client(shortLived).GetAsync("/api/rider/status")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static string Issue(Guid riderId, DateTime expires, string key) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "kaifan",
            Audience = "kaifan-api",
            Claims = new Dictionary<string, object>
            {
                [KaifanClaims.UserId] = riderId.ToString(), [KaifanClaims.Role] = Roles.Rider, [KaifanClaims.RiderId] = riderId.ToString(),
            },
            NotBefore = expires.AddHours(-2),
            IssuedAt = expires.AddHours(-2),
            Expires = expires,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        });
}

public sealed class BearerTokensOnSqlite(SqliteApp app) : BearerTokenTests(app), IClassFixture<SqliteApp>;

public sealed class BearerTokensOnPostgres(PostgresApp app) : BearerTokenTests(app), IClassFixture<PostgresApp>;

public sealed class ValidatedTokensTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void a_remembered_token_is_forgotten_at_its_expiry()
    {
        var tokens = new ValidatedTokens();
        tokens.Add("token-a", Principal("a"), Noon.AddMinutes(5), Noon.AddMinutes(4));

        tokens.TryGet("token-a", Noon.AddMinutes(4.5), out var principal, out _).ShouldBeTrue();
        principal.FindFirstValue(KaifanClaims.UserId).ShouldBe("a");
        tokens.TryGet("token-a", Noon.AddMinutes(5), out _, out _).ShouldBeFalse();
        tokens.TryGet("token-a", Noon, out _, out _).ShouldBeFalse();
    }

    [Fact]
    public void a_remembered_token_is_validated_again_after_a_minute_so_an_erased_account_is_noticed()
    {
        var tokens = new ValidatedTokens();
        tokens.Add("token-a", Principal("a"), Noon.AddDays(7), Noon);

        tokens.TryGet("token-a", Noon.AddSeconds(59), out _, out _).ShouldBeTrue();
        tokens.TryGet("token-a", Noon.AddMinutes(1), out _, out _).ShouldBeFalse();
    }

    [Fact]
    public void forgetting_a_user_drops_every_token_of_theirs_and_no_other()
    {
        var tokens = new ValidatedTokens();
        var erased = Guid.NewGuid();
        tokens.Add("phone", Principal(erased.ToString()), Noon.AddHours(1), Noon);
        tokens.Add("laptop", Principal(erased.ToString()), Noon.AddHours(1), Noon);
        tokens.Add("someone-else", Principal(Guid.NewGuid().ToString()), Noon.AddHours(1), Noon);

        tokens.Forget(erased);

        tokens.TryGet("phone", Noon, out _, out _).ShouldBeFalse();
        tokens.TryGet("laptop", Noon, out _, out _).ShouldBeFalse();
        tokens.TryGet("someone-else", Noon, out _, out _).ShouldBeTrue();
    }

    [Fact]
    public void only_the_exact_token_string_matches()
    {
        var tokens = new ValidatedTokens();
        tokens.Add("token-a", Principal("a"), Noon.AddHours(1), Noon);

        tokens.TryGet("token-A", Noon, out _, out _).ShouldBeFalse();
        tokens.TryGet("token-a ", Noon, out _, out _).ShouldBeFalse();
    }

    [Fact]
    public void a_full_cache_starts_over_instead_of_growing()
    {
        var tokens = new ValidatedTokens(capacity: 2);
        tokens.Add("1", Principal("1"), Noon.AddHours(1), Noon);
        tokens.Add("2", Principal("2"), Noon.AddHours(1), Noon);
        tokens.Add("3", Principal("3"), Noon.AddHours(1), Noon);

        tokens.TryGet("1", Noon, out _, out _).ShouldBeFalse();
        tokens.TryGet("3", Noon, out _, out _).ShouldBeTrue();
    }

    [Fact]
    public void each_request_gets_its_own_copy_of_the_principal()
    {
        var tokens = new ValidatedTokens();
        tokens.Add("token-a", Principal("a"), Noon.AddHours(1), Noon);
        tokens.TryGet("token-a", Noon, out var first, out _);
        ((ClaimsIdentity)first.Identity!).AddClaim(new Claim("extra", "1"));

        tokens.TryGet("token-a", Noon, out var second, out _);
        second.HasClaim(c => c.Type == "extra").ShouldBeFalse();
    }

    private static ClaimsPrincipal Principal(string userId) =>
        new(new ClaimsIdentity([new Claim(KaifanClaims.UserId, userId)], "Bearer"));
}

public sealed class IssuedTokensTests
{
    [Fact]
    public void a_host_whose_clock_runs_behind_the_wall_clock_issues_tokens_valid_by_its_own_clock()
    {
        var yesterday = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-1));
        var settings = new TokenSettings { SigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(TestTokens.SigningKey)) };

        var token = new JsonWebToken(new Tokens(settings, yesterday).Issue(Guid.NewGuid(), Roles.Customer, null, null));

        token.ValidFrom.ShouldBe(yesterday.GetUtcNow().UtcDateTime, TimeSpan.FromSeconds(1));
        token.IssuedAt.ShouldBe(yesterday.GetUtcNow().UtcDateTime, TimeSpan.FromSeconds(1));
        token.ValidTo.ShouldBe(yesterday.GetUtcNow().UtcDateTime.Add(settings.Lifetime), TimeSpan.FromSeconds(1));
    }
}
