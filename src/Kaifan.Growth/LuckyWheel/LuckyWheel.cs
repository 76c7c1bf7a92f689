namespace Kaifan.Growth.LuckyWheel;

/// <summary>
/// 幸运大转盘: while it runs, each customer spins it a few times a Shanghai day for free, and once more for each friend
/// who opens their share link that day (up to a cap). Each segment is a prize: a coupon or 谢谢参与.
/// </summary>
internal sealed class Wheel
{
    public Guid Id { get; init; }
    public required string Name { get; init; }
    public DateTimeOffset StartsAt { get; init; }
    public DateTimeOffset EndsAt { get; init; }
    public int FreeSpinsPerDay { get; init; }
    public int MaxShareSpinsPerDay { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public List<WheelPrize> Prizes { get; init; } = [];

    public bool RunsAt(DateTimeOffset now) => StartsAt <= now && now < EndsAt;

    public string Reason => $"幸运大转盘「{Name}」";
}

/// <summary>
/// One segment of the wheel. Won only rises through a conditional update, so parallel spins never win more than the
/// stock; a null stock never runs out (谢谢参与 only).
/// </summary>
internal sealed class WheelPrize
{
    public Guid Id { get; init; }
    public Guid WheelId { get; init; }

    /// <summary>Its place on the wheel, clockwise from the top, from 0.</summary>
    public int Segment { get; init; }

    /// <summary>0 is 谢谢参与.</summary>
    public long AmountFen { get; init; }
    public long MinSpendFen { get; init; }
    public int CouponDays { get; init; }
    public int Weight { get; init; }
    public int? Stock { get; init; }
    public int Won { get; init; }

    public bool IsCoupon => AmountFen > 0;

    public bool InStock => Stock is not { } stock || Won < stock;

    public string Kind => IsCoupon ? WheelRules.CouponKind : WheelRules.NothingKind;
}

/// <summary>A customer's allowance on one wheel for one Shanghai day: both counts only rise through conditional updates.</summary>
internal sealed class WheelDay
{
    public Guid WheelId { get; init; }
    public Guid CustomerId { get; init; }
    public DateOnly Day { get; init; }
    public int Spins { get; init; }

    /// <summary>Extra spins that friends opening the share link earned the customer this day.</summary>
    public int ShareSpins { get; init; }
}

internal sealed class WheelSpin
{
    /// <summary>Also the id of the coupon it granted, if any.</summary>
    public Guid Id { get; init; }
    public Guid WheelId { get; init; }
    public Guid CustomerId { get; init; }
    public DateOnly Day { get; init; }
    public Guid PrizeId { get; init; }
    public int Segment { get; init; }
    public long AmountFen { get; init; }
    public long MinSpendFen { get; init; }
    public DateTimeOffset SpunAt { get; init; }
}

/// <summary>A friend opened the sharer's link on that day; a friend counts once per sharer, wheel and day.</summary>
internal sealed class WheelShare
{
    public Guid WheelId { get; init; }
    public Guid SharerId { get; init; }
    public Guid FriendId { get; init; }
    public DateOnly Day { get; init; }
    public DateTimeOffset OpenedAt { get; init; }
}

/// <summary>The code in a customer's share link (/m/wheel?from=CODE): random, so the link does not carry their id.</summary>
internal sealed class WheelShareCode
{
    public Guid CustomerId { get; init; }
    public required string Code { get; init; }
}

internal static class WheelRules
{
    public const string CouponKind = "coupon";
    public const string NothingKind = "nothing";
    public const int MinPrizes = 4;
    public const int MaxPrizes = 10;
    public const int NameLength = 20;
    public const int ShareCodeLength = 8;

    public static string Status(Wheel wheel, DateTimeOffset now) =>
        now < wheel.StartsAt ? "scheduled" : now >= wheel.EndsAt ? "ended" : "running";
}
