using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Kaifan.Tests.Tracking;

/// <summary>One Server-Sent Event as it came over the wire.</summary>
internal sealed record SseEvent(string Event, string? Id, JsonNode Data);

/// <summary>Reads a text/event-stream response line by line, the way a browser's EventSource does.</summary>
internal sealed class SseReader : IAsyncDisposable
{
    private readonly HttpResponseMessage response;
    private readonly Channel<SseEvent> events = Channel.CreateUnbounded<SseEvent>();
    private readonly CancellationTokenSource stop = new();
    private readonly Task pump;

    private SseReader(HttpResponseMessage response)
    {
        this.response = response;
        pump = Task.Run(PumpAsync);
    }

    public List<SseEvent> Seen { get; } = [];

    public static async Task<(HttpResponseMessage Response, SseReader? Reader)> OpenAsync(HttpClient client, string path, string? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return response.IsSuccessStatusCode ? (response, new SseReader(response)) : (response, null);
    }

    /// <summary>The next event, or null when none came within the timeout or the stream ended.</summary>
    public async Task<SseEvent?> NextAsync(TimeSpan timeout)
    {
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            var next = await events.Reader.ReadAsync(wait.Token);
            Seen.Add(next);
            return next;
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            return null;
        }
    }

    /// <summary>Reads until an event matches, returning it; fails the test when it does not come in time.</summary>
    public async Task<SseEvent> UntilAsync(Func<SseEvent, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await NextAsync(deadline - DateTime.UtcNow) is { } next && match(next))
            {
                return next;
            }
        }

        throw new ShouldAssertException($"no matching event within {timeout}; saw: {string.Join(", ", Seen.Select(e => $"{e.Event}:{e.Data.ToJsonString()}"))}");
    }

    private async Task PumpAsync()
    {
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(stop.Token);
            using var lines = new StreamReader(body);
            string? name = null, id = null;
            var data = new List<string>();
            while (await lines.ReadLineAsync(stop.Token) is { } line)
            {
                if (line.Length == 0)
                {
                    if (data.Count > 0)
                    {
                        await events.Writer.WriteAsync(new SseEvent(name ?? "message", id, JsonNode.Parse(string.Join("\n", data))!));
                    }

                    (name, id) = (null, null);
                    data.Clear();
                }
                else if (line.StartsWith("event:", StringComparison.Ordinal))
                {
                    name = line[6..].Trim();
                }
                else if (line.StartsWith("data:", StringComparison.Ordinal))
                {
                    data.Add(line[5..].TrimStart());
                }
                else if (line.StartsWith("id:", StringComparison.Ordinal))
                {
                    id = line[3..].Trim();
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException)
        {
        }
        finally
        {
            events.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        response.Dispose();
        await pump;
        stop.Dispose();
    }
}
