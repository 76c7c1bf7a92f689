using System.Text.Json;

namespace Kaifan.Web.Api;

/// <summary>
/// A message that failed every retry: Module and Handler say whose reaction is missing (null when unknown), Replaying
/// that a replay was asked for and the message is on its way back to its handler.
/// </summary>
public sealed record DeadLetterInfo(
    Guid Id, DateTimeOffset FailedAt, string MessageType, string MessageTypeFullName, string? Module, string? Handler,
    string? ExceptionType, string? ExceptionMessage, int Attempts, bool Replaying);

/// <summary>The first letters of Total (as many as asked for), newest first.</summary>
public sealed record DeadLettersInfo(int Total, List<DeadLetterInfo> Letters);

/// <summary>消息故障: Wolverine's dead letters, for operators.</summary>
public sealed partial class KaifanApi
{
    public Task<ApiResult<DeadLettersInfo>> DeadLettersAsync(int limit, CancellationToken ct = default) =>
        SendAsync<DeadLettersInfo>(HttpMethod.Get, $"api/ops/dead-letters?limit={limit}", ct: ct);

    public Task<ApiResult<DeadLetterInfo>> ReplayDeadLetterAsync(Guid id, CancellationToken ct = default) =>
        SendAsync<DeadLetterInfo>(HttpMethod.Post, $"api/ops/dead-letters/{id}/replay", ct: ct);

    public Task<ApiResult<JsonElement>> DiscardDeadLetterAsync(Guid id, CancellationToken ct = default) =>
        SendAsync<JsonElement>(HttpMethod.Delete, $"api/ops/dead-letters/{id}", ct: ct);
}
