using Kaifan.BuildingBlocks.Http;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.Contracts;
using Kaifan.Contracts.Events;
using Kaifan.Host.DeadLetters;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Runtime;

namespace Kaifan.Tests.Messaging;

/// <summary>
/// 消息故障: a message whose handler fails every retry lands in Wolverine's dead letters, where operators see it (type,
/// module, error, attempts), replay it once the cause is fixed, or discard it; only the final failure is logged as an error.
/// </summary>
public abstract class DeadLetterTests(DeadLetterApp app)
{
    private readonly HttpClient ops = app.Client(TestTokens.Operator());

    [Fact]
    public async Task a_message_that_failed_every_retry_is_listed_and_replayed_once_its_cause_is_fixed()
    {
        var alertId = await app.RaiseAlertAsync(broken: true);
        var letter = await ListedEventuallyAsync(alertId);
        letter["messageType"]!.GetValue<string>().ShouldBe("OnTimeAlertRaised");
        letter["module"]!.GetValue<string>().ShouldBe("Tracking");
        letter["handler"]!.GetValue<string>().ShouldBe(nameof(Kaifan.Tracking.Live.OpsAlertHandler));
        letter["exceptionType"]!.GetValue<string>().ShouldBe(nameof(InvalidOperationException));
        letter["attempts"]!.GetValue<int>().ShouldBe(3);
        letter["replaying"]!.GetValue<bool>().ShouldBeFalse();
        app.Alerts.Delivered(alertId).ShouldBeFalse();

        // The two retried attempts and the last are warnings; the one error is the move to the dead letters, logged just
        // after the letter is stored, so possibly after the list shows it.
        List<(string Category, string Message)> errors = [];
        await PaymentProbe.EventuallyAsync(
            () => Task.FromResult((errors = app.Errors.Entries.Where(e => e.Message.Contains(alertId.ToString(), StringComparison.Ordinal)).ToList()).Count > 0),
            "the move to the dead letters is logged as an error");
        errors.ShouldAllBe(e => !e.Message.Contains("Failed to process"), string.Join('\n', errors));

        app.Alerts.Repair(alertId);
        var id = letter["id"]!.GetValue<Guid>();
        var replay = await ops.PostAsync($"/api/ops/dead-letters/{id}/replay", null);
        replay.StatusCode.ShouldBe(HttpStatusCode.Accepted, await replay.Content.ReadAsStringAsync());
        (await replay.Content.ReadFromJsonAsync<JsonObject>())!["replaying"]!.GetValue<bool>().ShouldBeTrue();

        await PaymentProbe.EventuallyAsync(() => Task.FromResult(app.Alerts.Delivered(alertId)), "the replayed alert reaches the operators");
        await PaymentProbe.EventuallyAsync(async () => await ListedAsync(alertId) is null, "the replayed message leaves the list");
        await ShouldBeAuditedAsync("dead-letter.replayed", id);
    }

    [Fact]
    public async Task a_discarded_message_leaves_the_list_and_is_not_found_again()
    {
        var alertId = await app.RaiseAlertAsync(broken: true);
        var id = (await ListedEventuallyAsync(alertId))["id"]!.GetValue<Guid>();

        var discard = await ops.DeleteAsync($"/api/ops/dead-letters/{id}");
        discard.StatusCode.ShouldBe(HttpStatusCode.NoContent, await discard.Content.ReadAsStringAsync());
        (await ListedAsync(alertId)).ShouldBeNull();
        await ShouldBeAuditedAsync("dead-letter.deleted", id);

        await ShouldBeNotFoundAsync(await ops.DeleteAsync($"/api/ops/dead-letters/{id}"));
        await ShouldBeNotFoundAsync(await ops.PostAsync($"/api/ops/dead-letters/{id}/replay", null));
        app.Alerts.Delivered(alertId).ShouldBeFalse();
    }

    [Fact]
    public async Task only_operators_see_replay_or_discard_dead_letters()
    {
        var alertId = await app.RaiseAlertAsync(broken: true);
        var id = (await ListedEventuallyAsync(alertId))["id"]!.GetValue<Guid>();
        foreach (var token in new[] { TestTokens.Customer(1), TestTokens.MerchantStaff(1), TestTokens.Issue(Guid.NewGuid(), Roles.Rider) })
        {
            var someone = app.Client(token);
            (await someone.GetAsync("/api/ops/dead-letters")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await someone.PostAsync($"/api/ops/dead-letters/{id}/replay", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await someone.DeleteAsync($"/api/ops/dead-letters/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        (await app.Client().GetAsync("/api/ops/dead-letters")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await ListedAsync(alertId)).ShouldNotBeNull();
    }

    [Fact]
    public async Task the_list_is_as_long_as_asked_and_its_total_counts_every_letter()
    {
        var first = await app.RaiseAlertAsync(broken: true);
        var second = await app.RaiseAlertAsync(broken: true);
        await ListedEventuallyAsync(first);
        await ListedEventuallyAsync(second);

        var one = (await ops.GetFromJsonAsync<JsonObject>("/api/ops/dead-letters?limit=1"))!;
        one["letters"]!.AsArray().Count.ShouldBe(1);
        one["total"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(2);
        var all = (await ops.GetFromJsonAsync<JsonObject>($"/api/ops/dead-letters?limit={ListLimit.Max}"))!;
        all["letters"]!.AsArray().Count.ShouldBe(all["total"]!.GetValue<int>());

        foreach (var limit in new[] { "0", "1001", "abc" })
        {
            await (await ops.GetAsync($"/api/ops/dead-letters?limit={limit}")).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "limit");
        }
    }

    [Fact]
    public async Task a_message_its_handler_takes_at_once_never_reaches_the_dead_letters()
    {
        var alertId = await app.RaiseAlertAsync(broken: false);
        await PaymentProbe.EventuallyAsync(() => Task.FromResult(app.Alerts.Delivered(alertId)), "the alert reaches the operators");
        (await ListedAsync(alertId)).ShouldBeNull();
    }

    [Fact]
    public void a_letter_of_a_message_with_several_handlers_names_the_one_whose_queue_it_failed_on()
    {
        var wolverine = app.Services.GetRequiredService<IWolverineRuntime>();
        var cancelled = ((WolverineRuntime)wolverine).Handlers.Chains.Single(c => c.MessageType == typeof(OrderCancelled));
        cancelled.ByEndpoint.Count.ShouldBeGreaterThan(3);
        foreach (var chain in cancelled.ByEndpoint)
        {
            var queue = chain.Endpoints.ShouldHaveSingleItem().Uri.ToString();
            DeadLetterHandlers.Of(wolverine, typeof(OrderCancelled).FullName!, queue).ShouldBe(chain.Handlers.Single().HandlerType);
        }

        DeadLetterHandlers.Of(wolverine, typeof(OrderCancelled).FullName!, "local://nowhere/").ShouldBeNull();
        DeadLetterHandlers.ModuleOf(typeof(Kaifan.Tracking.Live.OpsAlertHandler)).ShouldBe("Tracking");
    }

    private async Task<JsonObject> ListedEventuallyAsync(Guid alertId)
    {
        JsonObject? letter = null;
        await PaymentProbe.EventuallyAsync(async () => (letter = await ListedAsync(alertId)) is not null, "the failed alert is listed");
        return letter!;
    }

    /// <summary>The letter of the alert, found by the error that names it (the list never shows a message's body).</summary>
    private async Task<JsonObject?> ListedAsync(Guid alertId)
    {
        var list = await ops.GetFromJsonAsync<JsonObject>("/api/ops/dead-letters");
        var letters = list!["letters"]!.AsArray();
        list["total"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(letters.Count);
        return letters.Select(l => l!.AsObject())
            .SingleOrDefault(l => l["exceptionMessage"]?.GetValue<string>().Contains(alertId.ToString(), StringComparison.Ordinal) == true);
    }

    private async Task ShouldBeAuditedAsync(string action, Guid id)
    {
        var audit = await ops.GetFromJsonAsync<JsonObject>($"/api/ops/audit?action={action}");
        audit!["entries"]!.AsArray().ShouldContain(e => e!["subjectId"]!.GetValue<string>() == id.ToString(), $"{action} on {id}");
    }

    private static async Task ShouldBeNotFoundAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }
}

public sealed class DeadLetterOnSqlite(DeadLetterSqliteApp app) : DeadLetterTests(app), IClassFixture<DeadLetterSqliteApp>;

public sealed class DeadLetterOnPostgres(DeadLetterPostgresApp app) : DeadLetterTests(app), IClassFixture<DeadLetterPostgresApp>;
