using System.Globalization;
using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Insights.Segments;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kaifan.Insights.Campaigns;

/// <summary>
/// POST /api/ops/insights/campaigns: the operator defines an automatic campaign — target segment, coupon (amount,
/// minimum spend, days it lasts), cool-down, and trigger: "daily" at RunAt ("HH:mm", Shanghai time) or "on_enter".
/// Validated field by field (400); nothing is stored on a refusal.
/// </summary>
internal static class CreateCampaign
{
    internal sealed record Request(
        string Name, string Segment, string Trigger, string? RunAt, long AmountFen, long MinSpendFen, int CouponDays, int CooldownDays);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Name).NotEmpty().WithMessage("请输入活动名称 (the name is required)")
                .MaximumLength(CampaignRules.NameMaxLength).WithMessage($"活动名称最多{CampaignRules.NameMaxLength}个字 (the name has at most {CampaignRules.NameMaxLength} characters)");
            RuleFor(r => r.Segment).Must(s => RfmSegments.All.Contains(s)).WithMessage("请选择目标人群 (choose one of the eight segments)");
            RuleFor(r => r.Trigger).Must(t => CampaignTriggers.All.Contains(t)).WithMessage("请选择触发方式 (the trigger is daily or on_enter)");
            RuleFor(r => r.RunAt).Must(t => ParseRunAt(t) is not null).When(r => r.Trigger == CampaignTriggers.Daily)
                .WithMessage("请填写每天的运行时间，如 10:00 (a daily campaign needs a time, HH:mm)");
            RuleFor(r => r.AmountFen).InclusiveBetween(1, 10_000).WithMessage("券面额为¥0.01到¥100 (the amount is ¥0.01 to ¥100)");
            RuleFor(r => r.MinSpendFen).InclusiveBetween(0, 100_000).WithMessage("使用门槛为¥0到¥1000 (the minimum spend is ¥0 to ¥1000)");
            RuleFor(r => r.CouponDays).InclusiveBetween(1, 90).WithMessage("券有效期为1到90天 (the coupon lasts 1 to 90 days)");
            RuleFor(r => r.CooldownDays).InclusiveBetween(1, 365).WithMessage("冷却期为1到365天 (the cool-down is 1 to 365 days)");
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/api/ops/insights/campaigns", HandleAsync)
            .RequireAuthorization(Roles.Operator)
            .Validate<Request>()
            .WithTags("Insights")
            .Produces<CampaignView>(StatusCodes.Status201Created);

    private static async Task<IResult> HandleAsync(Request request, InsightsDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var runAt = request.Trigger == CampaignTriggers.Daily ? ParseRunAt(request.RunAt) : null;
        var campaign = new Campaign
        {
            Id = Guid.CreateVersion7(now), Name = request.Name.Trim(), Segment = request.Segment, Trigger = request.Trigger, RunAt = runAt,
            NextRunAt = runAt is { } at ? CampaignSchedule.NextRunAfter(at, now) : null,
            AmountFen = request.AmountFen, MinSpendFen = request.MinSpendFen, CouponDays = request.CouponDays, CooldownDays = request.CooldownDays,
            CreatedAt = now,
        };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        return Results.Json(CampaignView.Of(campaign, []), statusCode: StatusCodes.Status201Created);
    }

    private static TimeOnly? ParseRunAt(string? text) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null;
}
