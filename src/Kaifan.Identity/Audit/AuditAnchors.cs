using System.Text;
using System.Text.Json;
using Kaifan.BuildingBlocks.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Kaifan.Identity.Audit;

/// <summary>The chain's newest row as it stood at a moment, kept outside the database.</summary>
internal sealed record AuditAnchor(long Sequence, string Hash, DateTimeOffset At);

/// <summary>
/// Kaifan:Audit:AnchorFile (default: beside the SQLite file, or data/audit-anchors-{database}.jsonl for PostgreSQL, so
/// two databases never share one) and Kaifan:Audit:AnchorEveryMinutes (default 60).
/// </summary>
internal sealed record AuditAnchorSettings(string File, TimeSpan Every)
{
    public static AuditAnchorSettings FromConfiguration(IConfiguration configuration, StorageSettings storage)
    {
        var section = configuration.GetSection("Kaifan:Audit");
        var file = section["AnchorFile"] is { Length: > 0 } configured ? configured : DefaultFile(storage);
        return new AuditAnchorSettings(Path.GetFullPath(file), TimeSpan.FromMinutes(section.GetValue<double?>("AnchorEveryMinutes") ?? 60));
    }

    private static string DefaultFile(StorageSettings storage) => storage.Provider == StorageProvider.Sqlite
        ? new SqliteConnectionStringBuilder(storage.ConnectionString).DataSource + ".audit-anchors.jsonl"
        : Path.Combine("data", $"audit-anchors-{new NpgsqlConnectionStringBuilder(storage.ConnectionString).Database}.jsonl");
}

/// <summary>
/// Appends anchors to a file of JSON lines and logs each one. A chain only proves that its rows agree with each other:
/// whoever can write the table could rewrite every row from some point on, hashes included, or drop the newest rows.
/// An anchor written earlier outside the database (this file, the host log, the receipt the operator keeps) still
/// names the hash that row had, so the verifier catches both.
/// </summary>
internal sealed class AuditAnchors(IServiceScopeFactory scopes, AuditAnchorSettings settings, TimeProvider clock, ILogger<AuditAnchors> log)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly SemaphoreSlim writer = new(1, 1);

    /// <summary>Anchors the newest row unless the last anchor already names it; null while the log is empty.</summary>
    public async Task<AuditAnchor?> AnchorAsync(CancellationToken ct)
    {
        await writer.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var tail = await scope.ServiceProvider.GetRequiredService<IdentityDb>().AuditLog.AsNoTracking()
                .OrderByDescending(e => e.Sequence)
                .Select(e => new { e.Sequence, e.Hash })
                .FirstOrDefaultAsync(ct);
            if (tail is null)
            {
                return null;
            }

            var anchors = await ReadAsync(ct);
            if (anchors.LastOrDefault() is { } last && last.Sequence == tail.Sequence && last.Hash == tail.Hash)
            {
                return last;
            }

            var anchor = new AuditAnchor(tail.Sequence, tail.Hash, AuditChain.Stamp(clock.GetUtcNow()));
            Directory.CreateDirectory(Path.GetDirectoryName(settings.File)!);
            await using (var file = new FileStream(settings.File, FileMode.Append, FileAccess.Write, FileShare.Read))
            {
                await file.WriteAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(anchor, Json) + "\n"), ct);
                file.Flush(flushToDisk: true);
            }

            log.LogInformation("Audit anchor: row {Sequence} has hash {Hash} at {At:O}", anchor.Sequence, anchor.Hash, anchor.At);
            return anchor;
        }
        finally
        {
            writer.Release();
        }
    }

    public async Task<IReadOnlyList<AuditAnchor>> ReadAsync(CancellationToken ct)
    {
        if (!File.Exists(settings.File))
        {
            return [];
        }

        var lines = await File.ReadAllLinesAsync(settings.File, ct);
        return lines.Where(line => line.Length > 0)
            .Select(line => JsonSerializer.Deserialize<AuditAnchor>(line, Json)
                ?? throw new InvalidDataException($"An empty anchor in {settings.File}"))
            .ToList();
    }
}
