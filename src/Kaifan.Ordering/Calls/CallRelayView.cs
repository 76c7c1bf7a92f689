namespace Kaifan.Ordering.Calls;

/// <summary>
/// The number to dial: Display as the apps show it (170 0000 1234 转 5678), Dial the tel: link that dials the extension
/// after a pause. ExpiresAt is when the relay stops reaching the callee (UTC).
/// </summary>
internal sealed record CallRelayView(string To, string RelayNumber, string Extension, DateTimeOffset ExpiresAt, string Display, string Dial)
{
    public static CallRelayView Of(CallBinding binding) => new(
        binding.CalleeParty,
        binding.RelayNumber,
        binding.Extension,
        binding.ExpiresAt,
        $"{Grouped(binding.RelayNumber)} 转 {binding.Extension}",
        $"tel:{binding.RelayNumber},{binding.Extension}");

    private static string Grouped(string number) =>
        number.Length == 11 ? $"{number[..3]} {number[3..7]} {number[7..]}" : number;
}
