namespace Kaifan.Dispatch.Optimisation;

/// <summary>
/// The MDRP travel rules: travel = ceil(distance / speed); a pickup happens at max(ready, arrival + half the
/// pickup service) and the rider leaves half a service later; a drop-off happens half a service after arrival.
/// </summary>
internal sealed record TravelModel
{
    public TravelModel(double metersPerMinute, int pickupServiceMinutes, int dropoffServiceMinutes)
    {
        if (metersPerMinute <= 0) throw new ArgumentOutOfRangeException(nameof(metersPerMinute));
        // Whole-minute clocks need service times that split evenly around the handover.
        if (pickupServiceMinutes < 0 || pickupServiceMinutes % 2 != 0) throw new ArgumentOutOfRangeException(nameof(pickupServiceMinutes));
        if (dropoffServiceMinutes < 0 || dropoffServiceMinutes % 2 != 0) throw new ArgumentOutOfRangeException(nameof(dropoffServiceMinutes));
        MetersPerMinute = metersPerMinute;
        PickupService = pickupServiceMinutes;
        DropoffService = dropoffServiceMinutes;
    }

    public double MetersPerMinute { get; }
    public int PickupService { get; }
    public int DropoffService { get; }
    public int PickupHalf => PickupService / 2;
    public int DropoffHalf => DropoffService / 2;

    /// <summary>Whole minutes of riding; speed is the rider's pace as a multiple of <see cref="MetersPerMinute"/>.</summary>
    public int Minutes(Point from, Point to, double speed = 1.0) => Minutes(from.DistanceTo(to), speed);

    public int Minutes(double meters, double speed = 1.0) => (int)Math.Ceiling(meters / (MetersPerMinute * speed));

    public int PickupTime(int arrival, int readyAt) => Math.Max(readyAt, arrival + PickupHalf);

    public int LeaveMerchant(int pickupAt) => pickupAt + PickupHalf;

    public int DropoffTime(int arrival) => arrival + DropoffHalf;

    public int LeaveCustomer(int dropoffAt) => dropoffAt + DropoffHalf;
}
