using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Kaifan.Growth.Bargains;

/// <summary>
/// How much one 帮砍一刀 takes off, in the shape customers know: the first friends cut a lot, the later ones a little,
/// and the last of the helpers needed lands exactly on the floor. Every cut is at least 1 fen. The randomness is a
/// hash of (bargain, helper), so a helper's cut can be replayed and tests are reproducible.
/// </summary>
internal static class CutSequence
{
    /// <summary>Weight of the n-th cut is n^-Steepness: with 1.5 the first of 30 helpers takes about a third.</summary>
    private const double Steepness = 1.5;

    /// <param name="sequence">This helper's number, 1 for the first.</param>
    /// <param name="remainingFen">What is left to cut before this helper.</param>
    public static long Amount(Guid bargainId, Guid helperId, int sequence, int helpersNeeded, long remainingFen)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, helpersNeeded);
        var helpersLeft = helpersNeeded - sequence + 1;
        ArgumentOutOfRangeException.ThrowIfLessThan(remainingFen, helpersLeft);
        if (helpersLeft == 1)
        {
            return remainingFen;
        }

        // Each helper still to come keeps 1 fen; the rest is shared by weight, jittered by ±30 %.
        var spare = remainingFen - helpersLeft;
        var share = Weight(sequence) / Enumerable.Range(sequence, helpersLeft).Sum(Weight);
        var jitter = 0.7 + (0.6 * Uniform(bargainId, helperId));
        return 1 + (long)Math.Floor(spare * Math.Min(1.0, share * jitter));
    }

    /// <summary>What other people see of a helper: two letters, stable within one bargain and unlinkable across bargains.</summary>
    public static string HelperLabel(Guid bargainId, Guid helperId)
    {
        var hash = Hash(bargainId, helperId);
        return $"{(char)('A' + (hash[8] % 26))}{(char)('A' + (hash[9] % 26))}";
    }

    private static double Weight(int sequence) => Math.Pow(sequence, -Steepness);

    /// <summary>A number in [0, 1) fixed by the pair.</summary>
    private static double Uniform(Guid bargainId, Guid helperId) =>
        (BinaryPrimitives.ReadUInt64LittleEndian(Hash(bargainId, helperId)) >> 11) * (1.0 / (1UL << 53));

    private static byte[] Hash(Guid bargainId, Guid helperId)
    {
        Span<byte> pair = stackalloc byte[32];
        bargainId.TryWriteBytes(pair[..16]);
        helperId.TryWriteBytes(pair[16..]);
        return SHA256.HashData(pair);
    }
}
