using System.Text.RegularExpressions;

namespace Kaifan.Identity.SignIn;

internal static partial class PhoneNumbers
{
    /// <summary>Mainland mobile numbers: 11 digits starting 13–19. "+86" and spaces are accepted and dropped.</summary>
    public static string Normalize(string phone)
    {
        var digits = phone.Replace(" ", "").Replace("-", "");
        return digits.StartsWith("+86", StringComparison.Ordinal) ? digits[3..] : digits;
    }

    public static bool IsValid(string? phone) => phone is not null && Mobile().IsMatch(Normalize(phone));

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex Mobile();
}
