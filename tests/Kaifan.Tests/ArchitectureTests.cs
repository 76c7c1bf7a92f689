using System.Reflection;
using Kaifan.BuildingBlocks.Storage;
using NetArchTest.Rules;

namespace Kaifan.Tests;

public sealed class ArchitectureTests
{
    private static readonly Assembly[] Modules =
    [
        typeof(Kaifan.Identity.IdentityModule).Assembly,
        typeof(Kaifan.Catalog.CatalogModule).Assembly,
        typeof(Kaifan.Ordering.OrderingModule).Assembly,
        typeof(Kaifan.Payments.PaymentsModule).Assembly,
        typeof(Kaifan.Dispatch.Optimisation.DispatchOptimiser).Assembly,
        typeof(Kaifan.Insights.InsightsModule).Assembly,
        typeof(Kaifan.Tracking.TrackingModule).Assembly,
        typeof(Kaifan.Growth.GrowthModule).Assembly,
    ];

    public static TheoryData<string> ModuleNames() => new(Modules.Select(m => m.GetName().Name!));

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void a_module_references_no_other_module(string module)
    {
        var assembly = Modules.Single(m => m.GetName().Name == module);
        var others = Modules.Where(m => m != assembly).Select(m => m.GetName().Name!).ToArray();

        var referenced = assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();
        referenced.ShouldNotContain(r => others.Contains(r) || r == "Kaifan.Host");

        var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny(others).GetResult();
        result.IsSuccessful.ShouldBeTrue($"{module} uses {string.Join(", ", result.FailingTypes?.Select(t => t.FullName) ?? [])}");
    }

    [Fact]
    public void the_web_apps_reach_modules_only_through_the_public_api()
    {
        var web = typeof(Kaifan.Web.WebModule).Assembly;
        var forbidden = Modules.Select(m => m.GetName().Name!).Append("Kaifan.Host").Append("Kaifan.BuildingBlocks").ToArray();

        web.GetReferencedAssemblies().Select(a => a.Name!).ShouldNotContain(r => forbidden.Contains(r));
        var result = Types.InAssembly(web).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        result.IsSuccessful.ShouldBeTrue($"Kaifan.Web uses {string.Join(", ", result.FailingTypes?.Select(t => t.FullName) ?? [])}");
    }

    [Fact]
    public void contracts_and_building_blocks_know_no_module()
    {
        var moduleNames = Modules.Select(m => m.GetName().Name!).ToArray();
        foreach (var shared in new[] { typeof(Kaifan.Contracts.Roles).Assembly, typeof(StorageSettings).Assembly })
        {
            shared.GetReferencedAssemblies().Select(a => a.Name!).ShouldNotContain(r => moduleNames.Contains(r));
        }
    }

    [Fact]
    public void contracts_hold_no_behaviour_heavier_than_records_and_interfaces()
    {
        var contracts = typeof(Kaifan.Contracts.Roles).Assembly;
        contracts.GetReferencedAssemblies().Select(a => a.Name!)
            .ShouldAllBe(name => name.StartsWith("System", StringComparison.Ordinal) || name == "netstandard");
    }

    /// <summary>
    /// Wolverine opens a transaction for a handler that takes a module's DbContext, and on SQLite that holds the file's
    /// one write lock until the handler returns. A grain called meanwhile may be waiting on that lock for a write of its
    /// own (a rider going offline), and the two then wait on each other until SQLite's 30-second timeout.
    /// </summary>
    [Fact]
    public void no_message_handler_calls_grains_inside_its_database_transaction()
    {
        var handlers = MessageHandlers();
        handlers.ShouldNotBeEmpty();

        var offenders = handlers
            .Where(m => m.GetParameters().Any(p => p.ParameterType.IsSubclassOf(typeof(Microsoft.EntityFrameworkCore.DbContext)))
                && m.GetParameters().Any(p => typeof(IGrainFactory).IsAssignableFrom(p.ParameterType)))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}({m.GetParameters()[0].ParameterType.Name})");
        offenders.ShouldBeEmpty();
    }

    /// <summary>
    /// Wolverine finds handlers by the class name's "Handler" suffix or the [WolverineHandler] attribute: otherwise the
    /// class is never called, and nothing fails — the generated code has nothing to compare for a handler never seen.
    /// </summary>
    [Fact]
    public void every_message_handler_class_is_one_wolverine_finds()
    {
        MessageHandlers().Select(m => m.DeclaringType!).Distinct()
            .Where(t => !t.Name.EndsWith("Handler", StringComparison.Ordinal) && !t.Name.EndsWith("Consumer", StringComparison.Ordinal)
                && t.GetCustomAttribute<Wolverine.Attributes.WolverineHandlerAttribute>() is null)
            .Select(t => t.FullName).ShouldBeEmpty();
    }

    private static List<MethodInfo> MessageHandlers() =>
        Modules.SelectMany(m => m.GetExportedTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.Name is "Handle" or "HandleAsync" or "Handles" or "HandlesAsync" or "Consume" or "ConsumeAsync" or "Consumes" or "ConsumesAsync")
            .ToList();
}
