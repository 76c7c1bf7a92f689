using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Kaifan.Tests.Infrastructure;

namespace Kaifan.Tests.Payments;

/// <summary>The payment API's refusals, which need no order to exist.</summary>
public abstract class PaymentsApiTests(KaifanApp app)
{
    private readonly ForgedNotifications forge = new(app);

    [Fact]
    public async Task paying_through_a_channel_the_sandbox_does_not_serve_is_unprocessable_naming_channel()
    {
        var response = await app.Client(TestTokens.Customer(1)).PostAsJsonAsync($"/api/orders/{Guid.NewGuid()}/payments", new { channel = "alipay" });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString().ShouldBe("channel");
    }

    [Theory]
    [InlineData("paypal")]
    [InlineData("")]
    [InlineData("wechatwechatwechatwechat")]
    public async Task an_unknown_channel_is_a_validation_problem_naming_channel(string channel)
    {
        var response = await app.Client(TestTokens.Customer(1)).PostAsJsonAsync($"/api/orders/{Guid.NewGuid()}/payments", new { channel });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("channel", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task only_a_signed_in_customer_may_start_a_payment()
    {
        var url = $"/api/orders/{Guid.NewGuid()}/payments";
        (await app.Client().PostAsJsonAsync(url, new { channel = "wechat" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.Client(TestTokens.MerchantStaff(1)).PostAsJsonAsync(url, new { channel = "wechat" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task an_unknown_payment_reads_as_not_found()
    {
        var response = await app.Client(TestTokens.Customer(1)).GetAsync($"/api/payments/{Guid.NewGuid()}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task confirming_an_unknown_prepay_id_in_the_sandbox_is_not_found()
    {
        var response = await app.Client().PostAsync("/sandbox/pay/wx-no-such-prepay", null);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task a_validly_signed_notification_for_an_unknown_payment_is_unprocessable()
    {
        var response = await app.Client().SendAsync(forge.Request(ForgedNotifications.PaymentPath, forge.PaymentBody(Guid.NewGuid(), 100)));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString().ShouldBe("out_trade_no");
    }

    [Fact]
    public async Task a_notification_from_an_unknown_certificate_serial_is_unauthorized()
    {
        var response = await app.Client().SendAsync(forge.Request(ForgedNotifications.PaymentPath, forge.PaymentBody(Guid.NewGuid(), 100), serial: "DEADBEEF"));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task a_notification_without_signature_headers_is_unauthorized()
    {
        var response = await app.Client().PostAsync(ForgedNotifications.PaymentPath, new ByteArrayContent(forge.PaymentBody(Guid.NewGuid(), 100)));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task a_refund_notification_signed_by_another_key_is_unauthorized()
    {
        using var stranger = RSA.Create(2048);
        var body = forge.RefundBody(Guid.NewGuid(), Guid.NewGuid(), 100, 100);

        var response = await app.Client().SendAsync(forge.Request(ForgedNotifications.RefundPath, body, signingKey: stranger));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}

public sealed class PaymentsApiOnSqlite(SqliteApp app) : PaymentsApiTests(app), IClassFixture<SqliteApp>;

public sealed class PaymentsApiOnPostgres(PostgresApp app) : PaymentsApiTests(app), IClassFixture<PostgresApp>;
