using System.Text.RegularExpressions;
using Kaifan.BuildingBlocks.Storage;
using Kaifan.Host;
using Kaifan.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

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
        await using var host = Unstarted(provider);
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

    private static WebApplication Unstarted(StorageProvider provider)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kaifan:Mode"] = provider == StorageProvider.Sqlite ? "Single" : "Cluster",
            ["ConnectionStrings:Sqlite"] = $"Data Source={Path.Combine(Path.GetTempPath(), "kaifan-handler-code-unused.db")}",
            ["ConnectionStrings:Postgres"] = "Host=127.0.0.1;Database=unused;Username=unused",
            ["ConnectionStrings:Redis"] = "127.0.0.1:1",
            ["Kaifan:Tokens:SigningKey"] = TestTokens.SigningKey,
            ["Kaifan:PersonalData:ActiveKeyId"] = "t1",
            ["Kaifan:PersonalData:Keys:t1"] = Convert.ToBase64String(new byte[32]),
            ["Kaifan:PersonalData:HashKey"] = Convert.ToBase64String(new byte[32]),
        });
        builder.AddKaifan();
        return builder.Build();
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
