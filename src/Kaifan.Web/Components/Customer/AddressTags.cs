using Kaifan.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Kaifan.Web.Components.Customer;

/// <summary>An address's tag is stored as the Chinese word (家, 公司, 学校); the screen shows it in the page's language.</summary>
public static class AddressTags
{
    public static readonly IReadOnlyList<string> Stored = ["家", "公司", "学校"];

    /// <summary>A tag this app never offered (an older or imported one) is shown as stored rather than hidden.</summary>
    public static string Label(string tag, IStringLocalizer<Strings> l) => tag switch
    {
        "家" => l["Address.Tag.Home"],
        "公司" => l["Address.Tag.Work"],
        "学校" => l["Address.Tag.School"],
        _ => tag,
    };
}
