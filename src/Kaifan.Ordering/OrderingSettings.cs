using Kaifan.Contracts;
using Microsoft.Extensions.Configuration;

namespace Kaifan.Ordering;

internal sealed record OrderingSettings(TimeSpan PaymentTimeout)
{
    /// <summary>China keeps one offset all year, so a Shanghai calendar day needs no time-zone database.</summary>
    public static readonly TimeSpan ShanghaiOffset = ChinaTime.Offset;

    public static OrderingSettings FromConfiguration(IConfiguration configuration) =>
        new(configuration.GetValue<TimeSpan?>("Kaifan:Ordering:PaymentTimeout") ?? TimeSpan.FromMinutes(15));

    public static DateTimeOffset StartOfShanghaiDay(DateTimeOffset instant)
    {
        var local = instant.ToOffset(ShanghaiOffset);
        return new DateTimeOffset(local.Date, ShanghaiOffset).ToUniversalTime();
    }
}
