using Kaifan.BuildingBlocks.Storage;
using Kaifan.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Kaifan.Tests.Infrastructure;

/// <summary>A host built as production builds it (no test replacements) and never started: no silo, no listener.</summary>
internal static class UnstartedHost
{
    public static WebApplication Build(StorageProvider provider, string? connectionString = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kaifan:Mode"] = provider == StorageProvider.Sqlite ? "Single" : "Cluster",
            ["ConnectionStrings:Sqlite"] = provider == StorageProvider.Sqlite && connectionString is not null
                ? connectionString
                : $"Data Source={Path.Combine(Path.GetTempPath(), "kaifan-unstarted-unused.db")}",
            ["ConnectionStrings:Postgres"] = provider == StorageProvider.Postgres && connectionString is not null
                ? connectionString
                : "Host=127.0.0.1;Database=unused;Username=unused",
            ["ConnectionStrings:Redis"] = "127.0.0.1:1",
            ["Kaifan:SeedDemo"] = "false",
            ["Kaifan:Tokens:SigningKey"] = TestTokens.SigningKey,
            ["Kaifan:PersonalData:ActiveKeyId"] = "t1",
            ["Kaifan:PersonalData:Keys:t1"] = Convert.ToBase64String(new byte[32]),
            ["Kaifan:PersonalData:HashKey"] = Convert.ToBase64String(new byte[32]),
        });
        builder.AddKaifan();
        return builder.Build();
    }
}
