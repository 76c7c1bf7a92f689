using System.Net;
using Kaifan.Payments.Sandbox;
using Kaifan.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Tests.Payments;

/// <summary>The sandbox's callback machinery on its own: signed, encrypted, delivered over HTTP, retried until acknowledged.</summary>
public abstract class SandboxDeliveryTests(DuplicatingSandboxApp app)
{
    [Fact]
    public async Task a_sandbox_callback_crosses_real_http_passes_verification_and_is_retried_while_refused()
    {
        // A gateway transaction nobody on our side knows: every check up to the intent lookup must pass, and the
        // refusal (422) must make the sandbox try again rather than give up.
        var gateway = app.Services.GetRequiredService<SandboxGateway>();
        var prepayId = await gateway.CreatePrepayAsync(Guid.NewGuid().ToString("N"), 1234, "测试 (test)", ForgedNotifications.PaymentPath, CancellationToken.None);

        (await app.Client().PostAsync($"/sandbox/pay/{prepayId}", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await PaymentProbe.EventuallyAsync(() => Task.FromResult(app.PaymentCallbackAnswers.Count >= 3), "the refused callback is retried", seconds: 20);
        app.PaymentCallbackAnswers.ShouldAllBe(status => status == StatusCodes.Status422UnprocessableEntity);
    }
}

public sealed class SandboxDeliveryOnSqlite(DuplicatingSqliteApp app) : SandboxDeliveryTests(app), IClassFixture<DuplicatingSqliteApp>;

public sealed class SandboxDeliveryOnPostgres(DuplicatingPostgresApp app) : SandboxDeliveryTests(app), IClassFixture<DuplicatingPostgresApp>;
