using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Kaifan.Bench.Mdrp;
using Kaifan.Bench.Simulation;
using Kaifan.Tests.Infrastructure;

namespace Kaifan.Tests.Simulation;

/// <summary>
/// The day simulator against a real host in accelerated time: a hand-made instance (3 restaurants, 10 orders,
/// 3 couriers, tiny/) goes through onboarding, ordering, the payment sandbox, the kitchens and the riders, over HTTP only.
/// </summary>
public abstract class DaySimulatorTests(SimulationApp app)
{
    [Fact]
    public async Task the_simulator_replays_a_small_day_through_the_api_and_every_order_is_delivered()
    {
        var instance = MdrpInstance.Load(Path.Combine(HereDir(), "tiny"));
        var log = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        var result = await new DaySimulator(new SimApi(app.Client()), instance, new SimulationOptions(SimulationApp.Speed, Connections: 16, ProgressMinutes: 5, Trace: true), log)
            .RunAsync(timeout.Token);

        var story = $"{result.Summary()}\n{log}";
        result.Failures.ShouldBeEmpty(story);
        result.Orders.ShouldBe(10);
        result.Placed.ShouldBe(10, story);
        result.Delivered.ShouldBe(10, story);
        // No order reaches the door before its kitchen is done: the day's mean prep bounds the mean from below.
        result.ClickToDoorMean.ShouldBeGreaterThanOrEqualTo(instance.Orders.Average(o => o.ReadyAt - o.PlacedAt), story);
        result.ClickToDoorP90.ShouldBeGreaterThanOrEqualTo(result.ClickToDoorMean * 0.5, story);
        result.ClickToDoorMean.ShouldBeLessThan(90, story);
        // Six-minute kitchens and rides of a few minutes: some order of this tiny day makes the 40-minute target.
        result.OnTimeWithinTarget.ShouldBeGreaterThan(0, story);
        result.PromiseMinutesMean.ShouldBeGreaterThan(0, story);

        // The ops console sees the same day: every delivery judged against Tracking's promise, each late one counted under a cause.
        var ops = result.Ops.ShouldNotBeNull(story);
        ops.Delivered.ShouldBe(10, story);
        ops.Causes.Values.Sum().ShouldBe(ops.Delivered - ops.OnTime, story);
        // The simulator reads the promise from the ETA a moment after acceptance, so at most an order or two can differ.
        Math.Abs(ops.OnTime - result.OnTimeVsPromise * result.Orders).ShouldBeLessThanOrEqualTo(2, story);
        log.ToString().ShouldContain("placed 10/10");
        result.Summary().ShouldContain("delivered 10/10");
    }

    [Fact]
    public async Task the_host_tells_its_accelerated_time_and_the_sms_sandbox_hands_out_the_last_code()
    {
        var clock = await app.Client().GetFromJsonAsync<JsonElement>("/api/clock");
        clock.GetProperty("speed").GetDouble().ShouldBe(SimulationApp.Speed);
        var first = clock.GetProperty("now").GetDateTimeOffset();
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        var later = (await app.Client().GetFromJsonAsync<JsonElement>("/api/clock")).GetProperty("now").GetDateTimeOffset();
        (later - first).ShouldBeGreaterThan(TimeSpan.FromSeconds(30));

        const string phone = "13912345678";
        (await app.Client().GetAsync($"/sandbox/sms/{phone}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Client().PostAsJsonAsync("/api/auth/codes", new { phone })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var code = (await app.Client().GetFromJsonAsync<JsonElement>($"/sandbox/sms/{phone}")).GetProperty("code").GetString();
        (await app.Client().PostAsJsonAsync("/api/auth/tokens", new { phone, code })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static string HereDir([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}

public sealed class DaySimulatorOnSqlite(SimulationSqliteApp app) : DaySimulatorTests(app), IClassFixture<SimulationSqliteApp>;

public sealed class DaySimulatorOnPostgres(SimulationPostgresApp app) : DaySimulatorTests(app), IClassFixture<SimulationPostgresApp>;
