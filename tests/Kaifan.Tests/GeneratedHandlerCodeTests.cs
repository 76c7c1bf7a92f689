using System.Text.RegularExpressions;
using Kaifan.BuildingBlocks.Storage;
using Kaifan.Host;
using Kaifan.Tests.Infrastructure;

namespace Kaifan.Tests;

/// <summary>
/// The host loads its message handler adapters from the committed files only (TypeLoadMode.Static): a handler whose
/// parameters changed since they were generated would run stale code, so the files must equal what the handlers generate now.
/// They are generated from a host built as production builds it (no test replacements, not started: Static mode refuses
/// to start without its files), once per database.
/// </summary>
public sealed class GeneratedHandlerCodeTests
{
    private const string Regenerate = "./regenerate-handler-code.sh";

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task the_committed_handler_code_is_what_the_handlers_generate_now(StorageProvider provider)
    {
        await using var host = UnstartedHost.Build(provider);
        var generated = HandlerCode.Generate(host.Services);
        var folder = Path.Combine(RepoRoot(), "src", "Kaifan.Host", HandlerCode.Folder);
        if (Environment.GetEnvironmentVariable("KAIFAN_WRITE_HANDLER_CODE") == "1")
        {
            Write(folder, generated);
        }

        var committed = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllText)
            : [];

        generated.Count.ShouldBeGreaterThan(0);
        var stale = generated.Keys.Union(committed.Keys)
            .Where(file => !generated.TryGetValue(file, out var now) || !committed.TryGetValue(file, out var then) || Normalised(now) != Normalised(then))
            .Order()
            .ToList();
        stale.ShouldBeEmpty($"the handler code in src/Kaifan.Host/{HandlerCode.Folder} is stale; run {Regenerate} and commit the result");
    }

    private static void Write(string folder, IReadOnlyDictionary<string, string> generated)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        foreach (var (file, code) in generated)
        {
            var path = Path.Combine(folder, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, code);
        }
    }

    // A handler that takes IServiceScopeFactory itself gets two fields of that one singleton, numbered in whichever
    // order the generator meets them: the numbering varies between runs, the code does not.
    private static string Normalised(string code) =>
        Regex.Replace(code.ReplaceLineEndings("\n").TrimEnd(), @"(?<=_serviceScopeFactory)\d+\b", "");

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kaifan.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Kaifan.sln not found above " + AppContext.BaseDirectory);
    }
}
