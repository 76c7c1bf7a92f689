using Microsoft.Extensions.Configuration;

namespace Kaifan.Ordering;

internal sealed record OrderingSettings(TimeSpan PaymentTimeout)
{
    public static OrderingSettings FromConfiguration(IConfiguration configuration) =>
        new(configuration.GetValue<TimeSpan?>("Kaifan:Ordering:PaymentTimeout") ?? TimeSpan.FromMinutes(15));
}
