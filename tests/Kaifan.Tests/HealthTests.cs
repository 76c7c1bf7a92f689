using System.Net;
using Kaifan.Tests.Infrastructure;

namespace Kaifan.Tests;

public abstract class HealthTests(KaifanApp app)
{
    [Fact]
    public async Task the_host_is_live_and_ready_with_its_database()
    {
        var client = app.Client();
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var ready = await client.GetAsync("/health/ready");
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ready.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task the_openapi_document_and_the_reference_page_are_served()
    {
        var client = app.Client();
        var document = await client.GetStringAsync("/openapi/v1.json");
        document.ShouldContain("\"openapi\"");
        (await client.GetAsync("/docs/v1")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

public sealed class HealthOnSqlite(SqliteApp app) : HealthTests(app), IClassFixture<SqliteApp>;

public sealed class HealthOnPostgres(PostgresApp app) : HealthTests(app), IClassFixture<PostgresApp>;
