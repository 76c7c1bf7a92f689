using System.Globalization;

namespace Kaifan.Web.Components.Ops.Insights;

/// <summary>The forecast pages' few strings, Chinese first, English when the console is switched to it.</summary>
internal static class ForecastText
{
    public static string Of(string chinese, string english) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? english : chinese;
}
