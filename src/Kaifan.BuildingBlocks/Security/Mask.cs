namespace Kaifan.BuildingBlocks.Security;

/// <summary>How personal data is shown to anyone who is not its owner.</summary>
public static class Mask
{
    public static string Phone(string phone) =>
        phone.Length >= 7 ? $"{phone[..3]}****{phone[^4..]}" : new string('*', phone.Length);

    /// <summary>Keeps the surname only: 张三 → 张*.</summary>
    public static string Name(string name) =>
        name.Length <= 1 ? "*" : name[0] + new string('*', name.Length - 1);

    /// <summary>Keeps the first characters (building, campus) and hides the room.</summary>
    public static string Address(string detail) =>
        detail.Length <= 4 ? new string('*', detail.Length) : detail[..Math.Min(6, detail.Length / 2)] + "****";
}
