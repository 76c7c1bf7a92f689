using System.Globalization;
using Kaifan.Web.Api;

namespace Kaifan.Tests.Web;

/// <summary>The API's "中文 (English)" texts: a screen shows the half of the chosen language, and leaves other text alone.</summary>
public sealed class BilingualTests
{
    private static readonly CultureInfo Chinese = new("zh-Hans"), English = new("en");

    [Theory]
    [InlineData("下班时间须晚于现在 (shiftEndsAt must be later than now)", "下班时间须晚于现在", "shiftEndsAt must be later than now")]
    [InlineData("交通工具须为 ebike / bicycle (vehicleType must be ebike or bicycle)", "交通工具须为 ebike / bicycle", "vehicleType must be ebike or bicycle")]
    [InlineData("还差¥5.00起送 (below the minimum order (¥20))", "还差¥5.00起送", "below the minimum order (¥20)")]
    [InlineData("满30减6 (¥6 off ¥30)", "满30减6", "¥6 off ¥30")]
    public void a_glossed_text_shows_the_chosen_half(string text, string chinese, string english)
    {
        Bilingual.Pick(text, Chinese).ShouldBe(chinese);
        Bilingual.Pick(text, English).ShouldBe(english);
    }

    [Theory]
    [InlineData("按送达时间(北京时间)统计")]
    [InlineData("订单取消 (order cancelled): 不想要了")]
    [InlineData("东区 (东门)")]
    [InlineData("加料 (+¥2)")]
    [InlineData("套餐 (2)")]
    [InlineData("HTTP 500")]
    [InlineData("")]
    public void text_without_a_trailing_english_gloss_stays_as_it_is(string text)
    {
        Bilingual.Pick(text, Chinese).ShouldBe(text);
        Bilingual.Pick(text, English).ShouldBe(text);
    }
}
