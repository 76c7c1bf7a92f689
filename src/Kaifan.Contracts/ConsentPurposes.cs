namespace Kaifan.Contracts;

/// <summary>
/// What a person may consent to, each on its own (GDPR art. 7, PIPL art. 14/29/30). Identity records the choices;
/// other modules ask IConsents before they use the data a purpose covers.
/// </summary>
public static class ConsentPurposes
{
    /// <summary>位置信息: the customer's 使用当前位置, the rider's position shared while online.</summary>
    public const string Location = "location";

    /// <summary>营销消息: promotions and coupons pushed by campaigns.</summary>
    public const string Marketing = "marketing";

    /// <summary>个性化推荐: recommendations drawn from the person's profile (PIPL art. 24 lets them refuse).</summary>
    public const string Personalisation = "personalisation";

    /// <summary>敏感个人信息: the 特殊关照 flag (pregnant, unwell) is health information and needs separate consent (PIPL art. 29).</summary>
    public const string Health = "health";

    public static readonly IReadOnlyList<string> All = [Location, Marketing, Personalisation, Health];
}
