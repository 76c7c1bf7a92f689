using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Kaifan.Tests.Infrastructure;
using static Kaifan.Tests.Delivery.DeliveryKit;

namespace Kaifan.Tests.Delivery;

/// <summary>The ping endpoint binds and validates by hand for speed; its answers to bad input stay those of every other endpoint.</summary>
public abstract class PingInputTests(KaifanApp app)
{
    [Theory]
    [InlineData("""{"latitude":91,"longitude":121.44}""", "latitude")]
    [InlineData("""{"latitude":31.02,"longitude":-181}""", "longitude")]
    [InlineData("""{"latitude":"north","longitude":121.44}""", "latitude")]
    [InlineData("""{"latitude":31.02,"longitude":121.44""", "longitude")]
    [InlineData("", "body")]
    [InlineData("null", "body")]
    [InlineData("""{"longitude":121.44}""", "latitude")]
    [InlineData("""{"latitude":31.02}""", "longitude")]
    [InlineData("""{"latitude":null,"longitude":121.44}""", "latitude")]
    [InlineData("""{"latitude":0,"longitude":0}""", "latitude")]
    public async Task bad_ping_input_is_a_problem_naming_the_field(string json, string field)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        var response = await app.Rider(10).PostAsync("/api/rider/location", content);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = (await response.Content.ReadFromJsonAsync<JsonNode>())!;
        problem["errors"]!.AsObject().Select(e => e.Key).ShouldContain(field);
    }

    /// <summary>An emptied 纬度 field must not put the rider on the equator: missing, 0,0 and out of range are all refused.</summary>
    [Theory]
    [InlineData("""{"longitude":121.44}""", "latitude")]
    [InlineData("""{"latitude":null,"longitude":121.44}""", "latitude")]
    [InlineData("""{"latitude":31.02}""", "longitude")]
    [InlineData("""{"latitude":0,"longitude":0}""", "latitude")]
    [InlineData("""{"latitude":999,"longitude":121.44}""", "latitude")]
    public async Task going_online_without_a_real_position_is_a_problem_naming_the_field(string position, string field)
    {
        var json = position.Replace("{", $$"""{"zoneId":"{{EastZone}}",""", StringComparison.Ordinal);
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        var response = await app.Rider(11).PostAsync("/api/rider/online", content);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        var problem = (await response.Content.ReadFromJsonAsync<JsonNode>())!;
        problem["errors"]!.AsObject().Select(e => e.Key.ToLowerInvariant()).ShouldContain(field);
        (await app.Client(TestTokens.Rider(11)).GetFromJsonAsync<JsonNode>("/api/rider/status"))!["online"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task a_ping_without_a_token_is_refused()
    {
        var response = await app.Client().PostAsJsonAsync("/api/rider/location", new { latitude = EastLat, longitude = EastLon });

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task a_ping_of_an_online_rider_is_taken_and_one_of_an_offline_rider_is_a_conflict()
    {
        (await app.Rider(12).PostAsJsonAsync("/api/rider/location", new { latitude = EastLat, longitude = EastLon })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        await app.OnlineAsync(12);
        try
        {
            (await app.Rider(12).PostAsJsonAsync("/api/rider/location", new { latitude = EastLat, longitude = EastLon })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }
        finally
        {
            await app.OfflineAsync(12);
        }
    }
}

public sealed class PingInputOnSqlite(SqliteApp app) : PingInputTests(app), IClassFixture<SqliteApp>;

public sealed class PingInputOnPostgres(PostgresApp app) : PingInputTests(app), IClassFixture<PostgresApp>;
