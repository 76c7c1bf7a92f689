using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Kaifan.Bench;

/// <summary>
/// One keep-alive HTTP/1.1 connection that writes prebuilt request bytes and reads just enough of each answer to
/// know its status and where it ends (Content-Length, chunked, or none). No pipelining: one request in flight per
/// connection, like a phone. Far cheaper per request than HttpClient, so on a small machine the load generator
/// leaves the cores to the host it measures.
/// </summary>
internal sealed class RawConnection : IDisposable
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] LastChunk = "0\r\n\r\n"u8.ToArray();

    private readonly Socket socket;
    private byte[] buffer = new byte[8 * 1024];

    private RawConnection(Socket socket) => this.socket = socket;

    public static async Task<RawConnection> OpenAsync(IPEndPoint endpoint)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(endpoint);
        return new RawConnection(socket);
    }

    /// <summary>Sends one request and returns the answer's status code once the whole answer is in.</summary>
    public async ValueTask<int> SendAsync(ReadOnlyMemory<byte> request)
    {
        while (!request.IsEmpty)
        {
            var sent = await socket.SendAsync(request, SocketFlags.None);
            request = request[sent..];
        }

        var filled = 0;
        var bodyStart = -1;
        var status = 0;
        long length = -1;
        var chunked = false;
        while (true)
        {
            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var read = await socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None);
            if (read == 0)
            {
                throw new IOException("the server closed the connection");
            }

            filled += read;
            if (bodyStart < 0)
            {
                var end = buffer.AsSpan(0, filled).IndexOf(HeaderEnd);
                if (end < 0)
                {
                    continue;
                }

                bodyStart = end + HeaderEnd.Length;
                (status, length, chunked) = ParseHead(buffer.AsSpan(0, end));
            }

            var body = buffer.AsSpan(bodyStart, filled - bodyStart);
            if (chunked ? body.EndsWith(LastChunk) : body.Length >= Math.Max(length, 0))
            {
                return status;
            }
        }
    }

    private static (int Status, long Length, bool Chunked) ParseHead(ReadOnlySpan<byte> head)
    {
        // "HTTP/1.1 204 No Content"
        var status = (head[9] - '0') * 100 + (head[10] - '0') * 10 + (head[11] - '0');
        long length = -1;
        var chunked = false;
        foreach (var range in head.Split("\r\n"u8))
        {
            var line = head[range];
            if (line.StartsWith("Content-Length:"u8) || line.StartsWith("content-length:"u8))
            {
                length = long.Parse(Encoding.ASCII.GetString(line["Content-Length:".Length..]).Trim());
            }
            else if (line.StartsWith("Transfer-Encoding: chunked"u8) || line.StartsWith("transfer-encoding: chunked"u8))
            {
                chunked = true;
            }
        }

        return (status, length, chunked);
    }

    public void Dispose() => socket.Dispose();

    public static byte[] Request(string method, string path, string host, string? bearer, string? json)
    {
        var head = new StringBuilder($"{method} {path} HTTP/1.1\r\nHost: {host}\r\n");
        if (bearer is not null)
        {
            head.Append($"Authorization: {bearer}\r\n");
        }

        var body = json is null ? [] : Encoding.UTF8.GetBytes(json);
        if (json is not null)
        {
            head.Append($"Content-Type: application/json; charset=utf-8\r\nContent-Length: {body.Length}\r\n");
        }

        head.Append("\r\n");
        return [.. Encoding.ASCII.GetBytes(head.ToString()), .. body];
    }
}
