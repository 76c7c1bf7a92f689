using System.Security.Cryptography;

namespace Kaifan.Growth.LuckyWheel;

/// <summary>Where a spin lands: cryptographically strong in production, seeded in tests.</summary>
internal interface IWheelRandom
{
    /// <summary>A whole number from 0 to <paramref name="maxExclusive"/> − 1, each equally likely.</summary>
    int Next(int maxExclusive);
}

internal sealed class CryptoWheelRandom : IWheelRandom
{
    public int Next(int maxExclusive) => RandomNumberGenerator.GetInt32(maxExclusive);
}

internal static class WheelDraw
{
    /// <summary>
    /// One prize among those still in stock, each as likely as its weight: a ticket from 0 to the total weight − 1
    /// falls in the prize whose run of tickets holds it. Null when nothing is left, which a valid wheel never reaches.
    /// </summary>
    public static WheelPrize? Draw(IEnumerable<WheelPrize> prizes, IWheelRandom random)
    {
        var candidates = prizes.Where(p => p.InStock).OrderBy(p => p.Segment).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var ticket = random.Next(candidates.Sum(p => p.Weight));
        foreach (var prize in candidates)
        {
            if (ticket < prize.Weight)
            {
                return prize;
            }

            ticket -= prize.Weight;
        }

        throw new InvalidOperationException("The ticket fell outside the total weight.");
    }
}
