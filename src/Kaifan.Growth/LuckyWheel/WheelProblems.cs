using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Http;

namespace Kaifan.Growth.LuckyWheel;

internal static class WheelProblems
{
    public const string WheelField = "wheelId";

    public static IResult NoSuchWheel() => Problems.NotFoundAt(WheelField, "转盘不存在 (no such wheel)");

    public static IResult NotRunning(Wheel wheel, DateTimeOffset now) => now < wheel.StartsAt
        ? Problems.Unprocessable($"大转盘{wheel.StartsAt.ToOffset(ChinaTime.Offset):M月d日 HH:mm}开始 (the wheel opens later)", WheelField)
        : Problems.Unprocessable("大转盘活动已结束 (the wheel has ended)", WheelField);
}
