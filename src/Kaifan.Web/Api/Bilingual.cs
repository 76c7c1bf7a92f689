using System.Globalization;
using System.Text.RegularExpressions;

namespace Kaifan.Web.Api;

/// <summary>
/// The API writes its messages and names as "中文 (English)" so a curl user reads both; a screen shows only the half of
/// the language the user chose. Text without such a trailing English gloss is shown as it is.
/// </summary>
public static partial class Bilingual
{
    public static string Pick(string text, CultureInfo? culture = null)
    {
        var match = Glossed().Match(text);
        if (!match.Success)
        {
            return text;
        }

        var english = (culture ?? CultureInfo.CurrentUICulture).TwoLetterISOLanguageName == "en";
        return match.Groups[english ? "en" : "zh"].Value;
    }

    /// <summary>
    /// Chinese, then " (", an English gloss with no Chinese in it, and ")" at the very end. The gloss has a Latin word
    /// somewhere but may open with a sign ("满30减6 (¥6 off ¥30)"), so a bracketed number like "(2)" stays as it is.
    /// </summary>
    [GeneratedRegex(@"^(?<zh>.*\p{IsCJKUnifiedIdeographs}.*?) \((?<en>(?=[^\p{IsCJKUnifiedIdeographs}]*[A-Za-z])[^\p{IsCJKUnifiedIdeographs}\s][^\p{IsCJKUnifiedIdeographs}]*)\)$", RegexOptions.Singleline)]
    private static partial Regex Glossed();
}
