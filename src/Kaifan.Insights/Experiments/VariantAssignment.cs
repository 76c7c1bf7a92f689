using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Kaifan.Insights.Experiments;

/// <summary>
/// Which variant a customer sees: SHA-256 of "key:customer" read as a number in [0, 1) and laid over the weights. The same
/// on every request and every host, with nothing stored; a new experiment key reshuffles everyone independently.
/// </summary>
internal static class VariantAssignment
{
    public static string Of(string experimentKey, Guid customerId, IReadOnlyList<(string Name, int Weight)> variants)
    {
        var point = UnitPoint(experimentKey, customerId) * variants.Sum(v => v.Weight);
        var upTo = 0d;
        foreach (var (name, weight) in variants)
        {
            upTo += weight;
            if (point < upTo)
            {
                return name;
            }
        }

        return variants[^1].Name;
    }

    public static double UnitPoint(string experimentKey, Guid customerId)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{experimentKey}:{customerId:D}"), hash);

        // The top 53 bits fill a double's mantissa exactly, so every point is equally likely.
        return (BinaryPrimitives.ReadUInt64BigEndian(hash) >> 11) * (1d / (1UL << 53));
    }
}
