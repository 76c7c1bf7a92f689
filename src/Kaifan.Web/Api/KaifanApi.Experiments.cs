namespace Kaifan.Web.Api;

/// <summary>Status is draft, running or stopped; the first variant is the control.</summary>
public sealed record ExperimentInfo(
    string Key, string Name, string Target, string Status, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? StoppedAt,
    List<VariantResultInfo> Variants);

public sealed record VariantResultInfo(string Name, int Weight, bool IsControl, int Exposures, int Conversions, double Rate, VariantComparisonInfo? Comparison);

/// <summary>Verdict is significant, not-significant or small (too few customers yet).</summary>
public sealed record VariantComparisonInfo(double Difference, double Low, double High, double Z, double PValue, string Verdict);

public sealed record ExperimentVariantInput(string Name, int Weight);

public sealed record ExperimentInput(string Key, string Name, string Target, List<ExperimentVariantInput> Variants);

public sealed partial class KaifanApi
{
    // Insights: A/B实验 (ops)
    public Task<ApiResult<List<ExperimentInfo>>> ExperimentsAsync(CancellationToken ct = default) =>
        SendAsync<List<ExperimentInfo>>(HttpMethod.Get, "api/ops/experiments", ct: ct);

    public Task<ApiResult<ExperimentInfo>> CreateExperimentAsync(ExperimentInput input, CancellationToken ct = default) =>
        SendAsync<ExperimentInfo>(HttpMethod.Post, "api/ops/experiments", input, ct: ct);

    public Task<ApiResult<ExperimentInfo>> StartExperimentAsync(string key, CancellationToken ct = default) =>
        SendAsync<ExperimentInfo>(HttpMethod.Post, $"api/ops/experiments/{Uri.EscapeDataString(key)}/start", ct: ct);

    public Task<ApiResult<ExperimentInfo>> StopExperimentAsync(string key, CancellationToken ct = default) =>
        SendAsync<ExperimentInfo>(HttpMethod.Post, $"api/ops/experiments/{Uri.EscapeDataString(key)}/stop", ct: ct);

    /// <summary>A draft only: a started experiment is 409 naming status.</summary>
    public Task<ApiResult<ExperimentInfo>> UpdateExperimentAsync(string key, ExperimentInput input, CancellationToken ct = default) =>
        SendAsync<ExperimentInfo>(HttpMethod.Put, $"api/ops/experiments/{Uri.EscapeDataString(key)}", new { input.Name, input.Target, input.Variants }, ct: ct);

    public Task<ApiResult<System.Text.Json.JsonElement>> DeleteExperimentAsync(string key, CancellationToken ct = default) =>
        SendAsync<System.Text.Json.JsonElement>(HttpMethod.Delete, $"api/ops/experiments/{Uri.EscapeDataString(key)}", ct: ct);
}
