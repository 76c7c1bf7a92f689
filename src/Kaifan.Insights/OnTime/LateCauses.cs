namespace Kaifan.Insights.OnTime;

/// <summary>Why a late order was late, as the ops console names it.</summary>
internal static class LateCause
{
    public const string Prep = "prep";
    public const string Rider = "rider";
    public const string Travel = "travel";
    public const string Door = "door";

    /// <summary>Late, but no stage overran its plan by more than the tolerance (or a step is still missing).</summary>
    public const string Unknown = "unknown";

    public static readonly string[] All = [Prep, Rider, Travel, Door, Unknown];

    public static string LabelOf(string cause) => cause switch
    {
        Prep => "商家出餐慢 (merchant prep overran)",
        Rider => "等待骑手 (waiting for a rider)",
        Travel => "骑手路上超时 (rider travel overran)",
        Door => "送达交接慢 (hand-off at the door)",
        _ => "原因不明 (unknown)",
    };
}

/// <summary>An order's actual steps and the plan it was promised on (minutes from the promise's basis).</summary>
internal sealed record TimelineFacts(
    DateTimeOffset AcceptedAt,
    DateTimeOffset ReadyAt,
    DateTimeOffset PickedUpAt,
    DateTimeOffset? ArrivedAtCustomerAt,
    DateTimeOffset DeliveredAt,
    double PrepMinutes,
    double ToMerchantMinutes,
    double PickupServiceMinutes,
    double TravelMinutes,
    double DropOffServiceMinutes);

/// <summary>Minutes each stage ran over its plan (negative when it ran early) and the cause named for it.</summary>
internal sealed record Attribution(string Cause, double PrepOverrun, double RiderOverrun, double TravelOverrun, double DoorOverrun);

/// <summary>
/// Splits a late order into the stages of its plan and blames the stage that overran most, in minutes:
/// prep (ready − accepted vs the prep estimate), rider (pickup − the later of ready and the rider's planned arrival,
/// vs the pickup service), travel (pickup → door vs the ride estimate) and door (door → delivered vs the hand-off
/// service). Without an arrival at the door, the whole last leg counts as travel. The stage overruns add up to the
/// lateness whenever prep finished on plan, so the largest one is the stage that cost most. Ties go to the earlier
/// stage (it delayed everything after it); below the tolerance nothing is blamed.
/// </summary>
internal static class LateCauses
{
    public static Attribution Attribute(TimelineFacts t, double toleranceMinutes)
    {
        var prep = Minutes(t.ReadyAt - t.AcceptedAt) - t.PrepMinutes;

        var riderDue = t.AcceptedAt.AddMinutes(t.ToMerchantMinutes);
        var pickupFrom = t.ReadyAt > riderDue ? t.ReadyAt : riderDue;
        var rider = Minutes(t.PickedUpAt - pickupFrom) - t.PickupServiceMinutes;

        double travel, door;
        if (t.ArrivedAtCustomerAt is { } atDoor)
        {
            travel = Minutes(atDoor - t.PickedUpAt) - t.TravelMinutes;
            door = Minutes(t.DeliveredAt - atDoor) - t.DropOffServiceMinutes;
        }
        else
        {
            travel = Minutes(t.DeliveredAt - t.PickedUpAt) - t.TravelMinutes - t.DropOffServiceMinutes;
            door = 0;
        }

        (string Cause, double Overrun)[] stages = [(LateCause.Prep, prep), (LateCause.Rider, rider), (LateCause.Travel, travel), (LateCause.Door, door)];
        var worst = stages[0];
        foreach (var stage in stages.Skip(1))
        {
            if (stage.Overrun > worst.Overrun)
            {
                worst = stage;
            }
        }

        var cause = worst.Overrun > toleranceMinutes ? worst.Cause : LateCause.Unknown;
        return new Attribution(cause, Round(prep), Round(rider), Round(travel), Round(door));
    }

    private static double Minutes(TimeSpan span) => span.TotalMinutes;

    private static double Round(double minutes) => Math.Round(minutes, 2);
}
