namespace Kaifan.Web.Components.Ops;

/// <summary>
/// One colour per order, shared by its card and its pickup and drop-off on the map, so a dispatcher matches them at a
/// glance. From the id rather than the position in a list, so an order keeps its colour as others come and go.
/// </summary>
public static class OrderColours
{
    private static readonly string[] Palette = ["#e53935", "#8e24aa", "#3949ab", "#00897b", "#f4511e", "#6d4c41", "#c0ca33", "#d81b60"];

    public static string Of(Guid orderId) => Palette[(uint)orderId.GetHashCode() % Palette.Length];
}
