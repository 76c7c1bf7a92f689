using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Kaifan.BuildingBlocks.Http;
using Kaifan.BuildingBlocks.Storage;
using Kaifan.Contracts.Queries;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Wolverine.EntityFrameworkCore;

namespace Kaifan.Ordering.Placement;

/// <summary>
/// Runs a request at most once per (customer, Idempotency-Key). The first request claims the key by
/// inserting a row under a unique index and committing it; the others wait for its stored response and
/// replay it. A claim whose work fails is deleted, so a retry with the same key may try again.
/// </summary>
internal sealed class IdempotentRequests(IDbContextOutbox<OrderingDb> outbox, IPersonalDataProtector protector, TimeProvider clock)
{
    public const string Header = "Idempotency-Key";
    private static readonly TimeSpan WaitForWinner = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(2);

    public static IResult? CheckKey(string? key) =>
        string.IsNullOrWhiteSpace(key)
            ? Problems.Validation(Header, "缺少 Idempotency-Key 请求头 (the Idempotency-Key header is required)")
            : key.Length > 64
                ? Problems.Validation(Header, "Idempotency-Key 最长64个字符 (at most 64 characters)")
                : null;

    public static string Hash(string operation, object request) =>
        Convert.ToHexStringLower(SHA256.HashData([.. System.Text.Encoding.UTF8.GetBytes(operation + "\n"), .. JsonSerializer.SerializeToUtf8Bytes(request)]));

    /// <summary>The work must set the claim's response and save it together with what it created; otherwise the claim is released.</summary>
    public async Task<IResult> RunAsync(Guid customerId, string key, string requestHash, Func<IdempotencyRecord, Task<IResult>> work, CancellationToken ct)
    {
        var db = outbox.DbContext;
        var waited = Stopwatch.StartNew();
        while (true)
        {
            // Looked up before claiming: a double tap then finds the first request's claim instead of failing the
            // unique index, which EF Core logs as an error; only a true race still meets the index.
            var existing = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.CustomerId == customerId && r.Key == key, ct);
            if (existing is not null)
            {
                if (existing.RequestHash != requestHash)
                {
                    return Problems.Unprocessable("Idempotency-Key 已用于另一个请求 (this key was used for a different request)", Header);
                }

                if (existing.ResponseStatus is { } status)
                {
                    return Replay(status, existing.ResponseBody is null ? "" : protector.Unprotect(existing.ResponseBody));
                }

                // A claim this old without a response belongs to a request that died mid-way; free the key.
                if (clock.GetUtcNow() - existing.CreatedAt > AbandonedAfter)
                {
                    await db.IdempotencyRecords.Where(r => r.Id == existing.Id && r.ResponseStatus == null).ExecuteDeleteAsync(ct);
                    continue;
                }

                if (waited.Elapsed > WaitForWinner)
                {
                    return Problems.Conflict("相同 Idempotency-Key 的请求仍在处理中，请稍后重试 (a request with this key is still running)", Header);
                }

                // The holder is still working, or will give the key up if it fails: look again shortly.
                await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
                continue;
            }

            var claim = new IdempotencyRecord
            {
                Id = Guid.CreateVersion7(clock.GetUtcNow()),
                CustomerId = customerId,
                Key = key,
                RequestHash = requestHash,
                CreatedAt = clock.GetUtcNow(),
            };
            db.IdempotencyRecords.Add(claim);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                db.ChangeTracker.Clear();
                continue;
            }

            try
            {
                var result = await work(claim);
                if (claim.ResponseStatus is null)
                {
                    await ReleaseAsync(db, claim.Id);
                }

                return result;
            }
            catch
            {
                await ReleaseAsync(db, claim.Id);
                throw;
            }
        }
    }

    /// <summary>What the winner answered, byte for byte, so every caller with the key sees one outcome.</summary>
    public static IResult Replay(int status, string body) => Results.Text(body, "application/json; charset=utf-8", statusCode: status);

    private static async Task ReleaseAsync(OrderingDb db, Guid claimId)
    {
        db.ChangeTracker.Clear();
        await db.IdempotencyRecords.Where(r => r.Id == claimId && r.ResponseStatus == null).ExecuteDeleteAsync(CancellationToken.None);
    }
}
