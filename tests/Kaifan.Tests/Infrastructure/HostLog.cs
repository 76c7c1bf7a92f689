using Microsoft.Extensions.Logging;

namespace Kaifan.Tests.Infrastructure;

/// <summary>
/// Every warning and error a test host logs, in a file of its own under KAIFAN_TEST_LOGS, stamped with the wall clock.
/// A test that fails on CI shows only its own exception; ./test.sh then prints the hosts' errors from these files, so a
/// stall inside the host (a lock, a grain, a retried handler) leaves a trace, and an exception its stack.
/// </summary>
internal sealed class HostLog : ILoggerProvider
{
    private readonly Lock gate = new();
    private readonly string path;
    private StreamWriter? writer;

    public HostLog(string fixture)
    {
        var folder = Environment.GetEnvironmentVariable("KAIFAN_TEST_LOGS") ?? Path.Combine(Path.GetTempPath(), "kaifan-test-logs");
        Directory.CreateDirectory(folder);
        path = Path.Combine(folder, $"{DateTime.UtcNow:HHmmss}-{fixture}-{Guid.NewGuid().ToString("N")[..6]}.log");
    }

    public ILogger CreateLogger(string categoryName) => new Writer(this, categoryName);

    public void Dispose()
    {
        lock (gate)
        {
            writer?.Dispose();
            writer = null;
        }
    }

    private void Write(LogLevel level, string category, string message, Exception? exception)
    {
        var line = $"{DateTime.UtcNow:HH:mm:ss.fff} {level} {category}: {message}"
            + (exception is null ? "" : $" | {exception}");
        lock (gate)
        {
            writer ??= new StreamWriter(path, append: true) { AutoFlush = true };
            writer.WriteLine(line.ReplaceLineEndings(" "));
        }
    }

    private sealed class Writer(HostLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel is >= LogLevel.Warning and < LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            log.Write(logLevel, category, formatter(state, exception), exception);
        }
    }
}
