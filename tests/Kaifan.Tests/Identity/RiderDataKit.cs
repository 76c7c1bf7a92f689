using Kaifan.BuildingBlocks;
using Kaifan.Contracts.Queries;
using Kaifan.Dispatch;
using Kaifan.Dispatch.Earnings;
using Kaifan.Dispatch.Riders;
using Kaifan.Dispatch.Wallet;
using Kaifan.Dispatch.Zones;
using Kaifan.Ordering;
using Kaifan.Ordering.Calls;
using Kaifan.Ordering.Reviews;
using Kaifan.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Tests.Identity;

/// <summary>
/// What a rider's working days leave behind, written straight into the tables (the flows that write them are tested
/// elsewhere): a point of the position trail, one order delivered yesterday for a customer (its job, its earning of
/// ¥10, the customer's review with 5 配送 stars and the rating it gave the rider), a ¥9.50 withdrawal paid, and two relay
/// calls about the order, customer to rider and rider to customer, each holding the callee's real phone.
/// </summary>
internal static class RiderDataKit
{
    /// <summary>The customer's door, as dispatch keeps it on the job: the customer's data, never the rider's.</summary>
    public const double Door = 31.04567;

    public const long EarnedFen = 1_000;

    /// <summary>Leaves ¥0.50, below the smallest withdrawal: a remainder that cannot be withdrawn does not hold erasure up.</summary>
    public const long WithdrawnFen = 950;

    public static async Task<(Guid OrderId, string Number)> WorkedAsync(KaifanApp app, int rider, int customer)
    {
        var (riderId, customerId) = (DemoCampus.RiderId(rider), DemoCampus.CustomerId(customer));
        var orderId = Guid.NewGuid();
        var number = "R" + orderId.ToString("N")[..10];
        var yesterday = app.Clock.GetUtcNow().AddDays(-1);
        await using var scope = app.Services.CreateAsyncScope();
        var dispatch = scope.ServiceProvider.GetRequiredService<DispatchDb>();
        dispatch.RiderPositions.Add(new RiderPosition { RiderId = riderId, Latitude = 31.0251, Longitude = 121.4421, At = yesterday });
        dispatch.Jobs.Add(new DispatchJob
        {
            OrderId = orderId, ZoneId = DemoCampus.ZoneId(1), MerchantId = DemoCampus.MerchantId(1), MerchantLatitude = 31.0250, MerchantLongitude = 121.4420,
            DropOffLatitude = Door, DropOffLongitude = 121.44567, ReadyEstimate = yesterday, CustomerId = customerId, Status = JobStatus.Delivered,
            Stage = JobStage.Done, RiderId = riderId, AssignedAt = yesterday.AddMinutes(-30),
        });
        dispatch.RiderEarnings.Add(new RiderEarning
        {
            OrderId = orderId, RiderId = riderId, OrderNumber = number, ZoneId = DemoCampus.ZoneId(1), DeliveredAt = yesterday, BaseFen = EarnedFen, TotalFen = EarnedFen,
        });
        dispatch.RiderWithdrawals.Add(new RiderWithdrawal
        {
            Id = Guid.NewGuid(), RiderId = riderId, AmountFen = WithdrawnFen, IdempotencyKey = orderId.ToString("N"), Status = WithdrawalStatus.Paid,
            RequestedAt = app.Clock.GetUtcNow(), CompletedAt = app.Clock.GetUtcNow(),
        });
        dispatch.RiderRatings.Add(new RiderRating { ReviewId = Guid.NewGuid(), RiderId = riderId, Stars = 5, At = yesterday });
        await dispatch.SaveChangesAsync();

        var protector = scope.ServiceProvider.GetRequiredService<IPersonalDataProtector>();
        var ordering = scope.ServiceProvider.GetRequiredService<OrderingDb>();
        ordering.Reviews.Add(Review.Write(orderId, customerId, DemoCampus.MerchantId(1), riderId, new ReviewStars(5, 5, 5, 5), [], null, false, "张三", [], yesterday));
        ordering.CallBindings.Add(Call(orderId, customerId, CallParties.Customer, customerId, CallParties.Rider, riderId, protector.Protect(DemoCampus.RiderPhone(rider)), yesterday));
        ordering.CallBindings.Add(Call(orderId, customerId, CallParties.Rider, riderId, CallParties.Customer, customerId, protector.Protect(DemoCampus.CustomerPhone(customer)), yesterday));
        await ordering.SaveChangesAsync();
        return (orderId, number);
    }

    /// <summary>An earning of <paramref name="fen"/> delivered at <paramref name="at"/> (settled the next day), written straight in.</summary>
    public static async Task EarnAsync(KaifanApp app, int rider, long fen, DateTimeOffset at)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DispatchDb>();
        db.RiderEarnings.Add(new RiderEarning
        {
            OrderId = Guid.NewGuid(), RiderId = DemoCampus.RiderId(rider), OrderNumber = "T", ZoneId = DemoCampus.ZoneId(rider <= 8 ? 1 : 2), DeliveredAt = at, BaseFen = fen, TotalFen = fen,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>A withdrawal in <paramref name="status"/>, written straight in, so no gateway callback races the test.</summary>
    public static async Task WithdrawnAsync(KaifanApp app, int rider, long fen, WithdrawalStatus status)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DispatchDb>();
        db.RiderWithdrawals.Add(new RiderWithdrawal
        {
            Id = Guid.NewGuid(), RiderId = DemoCampus.RiderId(rider), AmountFen = fen, IdempotencyKey = Guid.NewGuid().ToString("N"), Status = status,
            RequestedAt = app.Clock.GetUtcNow(),
        });
        await db.SaveChangesAsync();
    }

    private static CallBinding Call(
        Guid orderId, Guid customerId, string callerParty, Guid callerId, string calleeParty, Guid calleeId, string phone, DateTimeOffset at) => new()
    {
        Id = Guid.NewGuid(), OrderId = orderId, CustomerId = customerId, CallerParty = callerParty, CallerUserId = callerId, CalleeParty = calleeParty,
        CalleeId = calleeId, CalleePhoneProtected = phone, RelayNumber = "17000000000", Extension = "0001", CreatedAt = at, ExpiresAt = at.AddHours(3),
    };
}
