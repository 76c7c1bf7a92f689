using Kaifan.Dispatch;
using Microsoft.Extensions.Configuration;

namespace Kaifan.Tests.Dispatch;

public sealed class DispatchOptionsTests
{
    private static readonly DateTimeOffset Seen = new(2026, 11, 28, 4, 0, 0, TimeSpan.Zero);

    private static DispatchOptions With(params (string Key, string Value)[] settings) => DispatchOptions.FromConfiguration(
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());

    [Fact]
    public void a_rider_is_silent_after_five_minutes_without_a_position_unless_configured_otherwise()
    {
        With().IsSilent(Seen, Seen.AddMinutes(5)).ShouldBeFalse();
        With().IsSilent(Seen, Seen.AddMinutes(5).AddSeconds(1)).ShouldBeTrue();
        With(("Kaifan:Dispatch:SilentRiderMinutes", "2")).IsSilent(Seen, Seen.AddMinutes(2).AddSeconds(1)).ShouldBeTrue();
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    public void zero_or_less_turns_the_silent_rider_rule_off_rather_than_silencing_everyone(string minutes) =>
        With(("Kaifan:Dispatch:SilentRiderMinutes", minutes)).IsSilent(Seen, Seen.AddDays(1)).ShouldBeFalse();
}
