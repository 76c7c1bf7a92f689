using System.Net;
using System.Net.Http.Json;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Ordering;

namespace Kaifan.Tests.Insights;

/// <summary>A draft experiment can be changed or deleted; once started its variants are fixed, even against a racing start.</summary>
public abstract partial class ExperimentTests
{
    [Fact]
    public async Task a_draft_is_edited_or_deleted_but_a_started_experiment_is_neither()
    {
        var ops = app.Client(TestTokens.Operator());
        var key = await CreatedAsync(("control", 1), ("b", 1));
        var edited = await ops.PutAsJsonAsync($"/api/ops/experiments/{key}", Definition("新按钮文案", ("旧文案", 2), ("立即下单", 1), ("马上开饭", 1)));
        edited.StatusCode.ShouldBe(HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());
        var listed = await ListedAsync(key);
        listed["name"]!.GetValue<string>().ShouldBe("新按钮文案");
        listed["target"]!.GetValue<string>().ShouldBe("checkout.button");
        listed["variants"]!.AsArray().Select(v => $"{v!["name"]}:{v["weight"]}").ShouldBe(["旧文案:2", "立即下单:1", "马上开饭:1"]);

        await Refusals.ShouldBeRefusedAsync(await ops.PutAsJsonAsync($"/api/ops/experiments/{key}", Definition("坏", ("only", 1))), HttpStatusCode.BadRequest, "variants");
        await Refusals.ShouldBeRefusedAsync(await ops.PutAsJsonAsync($"/api/ops/experiments/{key}", Definition("坏", ("a", 1), ("a", 1))), HttpStatusCode.BadRequest, "variants");
        var zeroWeight = await ops.PutAsJsonAsync($"/api/ops/experiments/{key}", Definition("坏", ("a", 0), ("b", 1)));
        zeroWeight.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await zeroWeight.Content.ReadAsStringAsync()).ShouldContain("\"variants[0]", Case.Insensitive);
        (await ListedAsync(key))["name"]!.GetValue<string>().ShouldBe("新按钮文案", "a refused edit changes nothing");
        (await app.Client(TestTokens.Customer(1)).DeleteAsync($"/api/ops/experiments/{key}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await ops.PostAsync($"/api/ops/experiments/{key}/start", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Refusals.ShouldBeRefusedAsync(await ops.PutAsJsonAsync($"/api/ops/experiments/{key}", Definition("太迟", ("a", 1), ("b", 1))), HttpStatusCode.Conflict, "status");
        await Refusals.ShouldBeRefusedAsync(await ops.DeleteAsync($"/api/ops/experiments/{key}"), HttpStatusCode.Conflict, "status");
        (await ListedAsync(key))["variants"]!.AsArray().Count.ShouldBe(3);

        var draft = await CreatedAsync(("control", 1), ("b", 1));
        (await ops.DeleteAsync($"/api/ops/experiments/{draft}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ops.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>("/api/ops/experiments"))!.ShouldNotContain(e => e!["key"]!.GetValue<string>() == draft);
        await Refusals.ShouldBeRefusedAsync(await ops.DeleteAsync($"/api/ops/experiments/{draft}"), HttpStatusCode.NotFound, "key");
    }

    [Fact]
    public async Task an_edit_racing_the_start_either_lands_before_it_or_is_refused_and_the_variants_served_are_the_ones_listed()
    {
        var ops = app.Client(TestTokens.Operator());
        for (var round = 0; round < 4; round++)
        {
            var key = await CreatedAsync(("control", 1), ("b", 1));
            var edit = ops.PutAsJsonAsync($"/api/ops/experiments/{key}", Definition("改过", ("x", 1), ("y", 1), ("z", 1)));
            var start = ops.PostAsync($"/api/ops/experiments/{key}/start", null);
            await Task.WhenAll(edit, start);

            (await start).StatusCode.ShouldBe(HttpStatusCode.OK);
            var listed = (await ListedAsync(key))["variants"]!.AsArray().Select(v => v!["name"]!.GetValue<string>()).ToList();
            listed.ShouldBe((await edit).StatusCode == HttpStatusCode.OK ? ["x", "y", "z"] : ["control", "b"], $"round {round}: edit {(await edit).StatusCode}");
            var served = await app.Client(TestTokens.Issue(Guid.NewGuid(), Kaifan.Contracts.Roles.Customer))
                .GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/api/experiments/{key}/assignment");
            listed.ShouldContain(served!["variant"]!.GetValue<string>());
        }
    }

    private static object Definition(string name, params (string Name, int Weight)[] variants) =>
        new { name, target = "checkout.button", variants = variants.Select(v => new { name = v.Name, weight = v.Weight }) };
}
