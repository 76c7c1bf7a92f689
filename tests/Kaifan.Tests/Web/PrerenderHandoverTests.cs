using Kaifan.Web.Components;

namespace Kaifan.Tests.Web;

/// <summary>
/// A console page whose panels hand over more than the hub takes in one message loses its circuit without a word, so
/// every [PersistentState] hand-over is capped.
/// </summary>
public sealed class PrerenderHandoverTests
{
    private sealed record Rows(List<string> Items);

    [Fact]
    public void a_small_read_is_handed_over_and_a_large_or_missing_one_is_not()
    {
        var small = new Rows(["面馆", "粥铺"]);
        var large = new Rows(Enumerable.Range(0, 2_000).Select(i => $"订单 #{i:0000} 已送达").ToList());

        PrerenderHandover.IfSmall(small).ShouldBeSameAs(small);
        PrerenderHandover.IfSmall(large).ShouldBeNull();
        PrerenderHandover.IfSmall<Rows>(null).ShouldBeNull();
    }

    [Fact]
    public void every_component_that_persists_prerendered_state_caps_it()
    {
        var components = Path.Combine(Browser.RepositoryRoot(), "src", "Kaifan.Web", "Components");
        var persisting = Directory.EnumerateFiles(components, "*.razor*", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("[PersistentState]"))
            .ToList();

        persisting.Count.ShouldBeGreaterThan(20);
        persisting.Where(f => !File.ReadAllText(f).Contains("PrerenderHandover.IfSmall("))
            .Select(Path.GetFileName).ShouldBeEmpty();
    }
}
