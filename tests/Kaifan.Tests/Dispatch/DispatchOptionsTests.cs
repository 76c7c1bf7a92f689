using Kaifan.Dispatch;
using Microsoft.Extensions.Configuration;

namespace Kaifan.Tests.Dispatch;

public sealed class DispatchOptionsTests
{
    private static DispatchOptions With(string key, string value) =>
        DispatchOptions.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection([new(key, value)]).Build());

    [Fact]
    public void a_rider_is_silent_after_five_minutes_without_a_position_unless_configured_otherwise()
    {
        DispatchOptions.FromConfiguration(new ConfigurationBuilder().Build()).SilentAfter.ShouldBe(TimeSpan.FromMinutes(5));
        With("Kaifan:Dispatch:SilentRiderMinutes", "2").SilentAfter.ShouldBe(TimeSpan.FromMinutes(2));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    public void zero_or_less_turns_the_silent_rider_rule_off_rather_than_silencing_everyone(string minutes) =>
        With("Kaifan:Dispatch:SilentRiderMinutes", minutes).SilentAfter.ShouldBe(TimeSpan.MaxValue);
}
