using System.Security.Cryptography;
using System.Text;

namespace Kaifan.BuildingBlocks;

/// <summary>
/// Ids of the seeded demo campus. Each module seeds its own tables; deterministic ids keep
/// their rows pointing at each other without one module reading another's data.
/// </summary>
public static class DemoCampus
{
    public const int MerchantCount = 8;
    public const int RiderCount = 12;
    public const int CustomerCount = 5;

    public static Guid ZoneId(int n) => Id($"zone:{n}");

    public static Guid MerchantId(int n) => Id($"merchant:{n}");

    public static Guid RiderId(int n) => Id($"rider:{n}");

    public static Guid CustomerId(int n) => Id($"customer:{n}");

    public static Guid MerchantStaffId(int n) => Id($"merchant-staff:{n}");

    public static Guid OperatorId => Id("operator:1");

    /// <summary>Demo phones: customers 1380000000n, merchants 1390000000n, riders 13700000nn, operator 13600000001.</summary>
    public static string CustomerPhone(int n) => $"1380000{n:0000}";

    public static string MerchantPhone(int n) => $"1390000{n:0000}";

    public static string RiderPhone(int n) => $"1370000{n:0000}";

    public const string OperatorPhone = "13600000001";

    public static Guid Id(string name)
    {
        var hash = MD5.HashData(Encoding.UTF8.GetBytes("kaifan-demo:" + name));
        return new Guid(hash);
    }
}
