using System.Net;
using System.Text;
using System.Text.Json;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Ordering;

namespace Kaifan.Tests;

public abstract class OversizedRequestTests(LunchtimeApp app)
{
    [Fact]
    public async Task a_body_over_the_limit_is_refused_as_a_problem_and_creates_nothing()
    {
        var client = app.Client(TestTokens.Customer(1));
        var before = await app.OrderCountAsync(1);
        var body = JsonSerializer.Serialize(new { merchantId = Guid.NewGuid(), note = new string('饭', 200_000) });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
        {
            Headers = { { "Idempotency-Key", Guid.NewGuid().ToString() } },
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };

        var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await app.OrderCountAsync(1)).ShouldBe(before);
    }
}

public sealed class OversizedRequestOnSqlite(LunchtimeSqliteApp app) : OversizedRequestTests(app), IClassFixture<LunchtimeSqliteApp>;
