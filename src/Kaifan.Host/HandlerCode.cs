using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Model;

namespace Kaifan.Host;

/// <summary>
/// The message handler adapters Wolverine would otherwise compile with Roslyn the first time each message arrives
/// (seconds per chain): generated ahead of time into Internal/Generated and loaded from this assembly (ADR 0019).
/// A test regenerates them from a running host and fails when the committed files differ.
/// </summary>
internal static class HandlerCode
{
    /// <summary>Where the committed files live, relative to this project.</summary>
    public const string Folder = "Internal/Generated";

    /// <summary>Each generated file's path under <see cref="Folder"/> and its source, as the host's configuration generates it now.</summary>
    public static IReadOnlyDictionary<string, string> Generate(IServiceProvider services)
    {
        var variables = services.GetService<IServiceVariableSource>();
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var collection in services.GetServices<ICodeFileCollection>())
        {
            var withServices = collection is ICodeFileCollectionWithServices ? variables : null;
            var folder = collection.ChildNamespace.Replace('.', '/');
            foreach (var file in collection.BuildFiles())
            {
                var assembly = collection.StartAssembly(collection.Rules);
                file.AssembleTypes(assembly);
                files[$"{folder}/{file.FileName.Replace(' ', '_')}.cs"] = assembly.GenerateCode(withServices);
            }
        }

        return files;
    }
}
