using System.Globalization;

namespace Kaifan.Host;

/// <summary>
/// How often a failing message is tried again before it goes to the dead letters: quick retries with a cooldown, then
/// retries scheduled further out. Kaifan:Messaging:RetryCooldowns and Kaifan:Messaging:ScheduledRetries (comma-separated
/// durations, the latter may be empty) change them, so a test can watch a message reach the dead letters in a second.
/// </summary>
internal sealed record MessageRetries(IReadOnlyList<TimeSpan> Cooldowns, IReadOnlyList<TimeSpan> Scheduled)
{
    public static readonly MessageRetries Default = new(
        [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)],
        [TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10)]);

    public static MessageRetries FromConfiguration(IConfiguration configuration) => new(
        Durations(configuration["Kaifan:Messaging:RetryCooldowns"]) ?? Default.Cooldowns,
        Durations(configuration["Kaifan:Messaging:ScheduledRetries"]) ?? Default.Scheduled);

    private static TimeSpan[]? Durations(string? text) => text?
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(d => TimeSpan.Parse(d, CultureInfo.InvariantCulture))
        .ToArray();
}
