using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Kaifan.Bench.Simulation;

/// <summary>The simulator's only way into Kaifan: the public HTTP API, with a bearer token per person.</summary>
internal sealed class SimApi(HttpClient http)
{
    public HttpClient Http => http;

    /// <summary>Sends again after a dropped connection, a 5xx, a 429 or an idempotent request still running: a busy host is not a simulated person's mistake.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token = null, object? body = null,
        string? idempotencyKey = null, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, path);
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            if (idempotencyKey is not null)
            {
                request.Headers.Add("Idempotency-Key", idempotencyKey);
            }

            if (body is not null)
            {
                request.Content = JsonContent.Create(body);
            }

            try
            {
                var response = await http.SendAsync(request, ct);
                if (attempt < 6 && ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests
                    || (idempotencyKey is not null && response.StatusCode == HttpStatusCode.Conflict && await StillRunningAsync(response, ct))))
                {
                    response.Dispose();
                    await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), ct);
                    continue;
                }

                return response;
            }
            catch (HttpRequestException) when (attempt < 6)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), ct);
            }
        }
    }

    /// <summary>The first try of an idempotent request is still running on the host (it timed out here): ask again later.</summary>
    private static async Task<bool> StillRunningAsync(HttpResponseMessage response, CancellationToken ct) =>
        (await response.Content.ReadAsStringAsync(ct)).Contains("still running", StringComparison.Ordinal);

    /// <summary>A call that must succeed: anything but 2xx stops the simulation with the host's answer.</summary>
    public async Task<JsonElement> CallAsync(HttpMethod method, string path, string? token = null, object? body = null,
        string? idempotencyKey = null, CancellationToken ct = default)
    {
        using var response = await SendAsync(method, path, token, body, idempotencyKey, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new SimulationException($"{method} {path} answered {(int)response.StatusCode}: {text}");
        }

        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A person signs in as the apps do: ask for a code, read it from the SMS sandbox, exchange it for a token.</summary>
    public async Task<string> SignInAsync(string phone, CancellationToken ct)
    {
        await CallAsync(HttpMethod.Post, "/api/auth/codes", body: new { phone }, ct: ct);
        using var sms = await SendAsync(HttpMethod.Get, $"/sandbox/sms/{phone}", ct: ct);
        if (sms.StatusCode == HttpStatusCode.NotFound)
        {
            throw new SimulationException("the host has no SMS sandbox: start it with Kaifan:Sms:Provider=Sandbox (see docs/adr/0010-day-simulator.md)");
        }

        var code = (await sms.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("code").GetString();
        var signedIn = await CallAsync(HttpMethod.Post, "/api/auth/tokens", body: new { phone, code }, ct: ct);
        return signedIn.GetProperty("token").GetString()!;
    }
}

internal sealed class SimulationException(string message) : Exception(message);
