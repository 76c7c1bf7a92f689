using System.Globalization;
using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Catalog.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Catalog.Manage;

/// <summary>Replaces the weekly business-hour slots (Asia/Shanghai time); a close at or before the open runs past midnight.</summary>
internal static class SetOpeningHours
{
    internal sealed record Request(IReadOnlyList<SlotInput>? Slots);

    internal sealed record SlotInput(string Day, string Open, string Close);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Slots).NotNull().Must(s => s is null || s.Count <= 28).WithMessage("时段最多 28 个 (at most 28 slots)");
            RuleForEach(x => x.Slots).NotNull().ChildRules(slot =>
            {
                slot.RuleFor(s => s.Day).NotEmpty().MaximumLength(10)
                    .Must(d => TryDay(d, out _)).WithMessage("星期无效 (day must be Monday … Sunday)");
                slot.RuleFor(s => s.Open).NotEmpty().MaximumLength(5)
                    .Must(t => TryTime(t, out _)).WithMessage("时间格式应为 HH:mm (time must be HH:mm)");
                slot.RuleFor(s => s.Close).NotEmpty().MaximumLength(5)
                    .Must(t => TryTime(t, out _)).WithMessage("时间格式应为 HH:mm (time must be HH:mm)")
                    .Must((s, close) => close != s.Open).WithMessage("结束时间不能等于开始时间 (close must differ from open)");
            });
            RuleFor(x => x.Slots).Custom((slots, context) =>
            {
                var parsed = (slots ?? []).Select(Parse).ToList();
                for (var j = 0; j < parsed.Count; j++)
                {
                    for (var i = 0; i < j; i++)
                    {
                        if (parsed[i] is { } a && parsed[j] is { } b && OpeningHours.Overlap(a.Day, a.Open, a.Close, b.Day, b.Open, b.Close))
                        {
                            context.AddFailure($"Slots[{j}]", $"营业时段重叠 (overlaps slots[{i}])");
                            break;
                        }
                    }
                }
            });
        }
    }

    public static void Map(RouteGroupBuilder console) =>
        console.MapPut("/opening-hours", Handle).Validate<Request>();

    private static async Task<IResult> Handle(Guid merchantId, Request request, CatalogDb db, CancellationToken ct)
    {
        if (!await db.Merchants.AnyAsync(m => m.Id == merchantId, ct))
        {
            return Problems.NotFound("商家 (merchant)");
        }

        var slots = request.Slots!.Select(Parse).Select(s => new OpeningSlot
        {
            Id = Guid.CreateVersion7(),
            MerchantId = merchantId,
            Day = s!.Value.Day,
            Open = s.Value.Open,
            Close = s.Value.Close,
        }).ToList();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.OpeningSlots.Where(s => s.MerchantId == merchantId).ExecuteDeleteAsync(ct);
        db.OpeningSlots.AddRange(slots);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(slots
            .OrderBy(s => ((int)s.Day + 6) % 7).ThenBy(s => s.Open)
            .Select(s => new Browse.SlotView(s.Day.ToString(), s.Open.ToString("HH:mm"), s.Close.ToString("HH:mm")))
            .ToList());
    }

    private static (DayOfWeek Day, TimeOnly Open, TimeOnly Close)? Parse(SlotInput? s) =>
        s is not null && TryDay(s.Day, out var day) && TryTime(s.Open, out var open) && TryTime(s.Close, out var close)
            ? (day, open, close)
            : null;

    private static bool TryDay(string? value, out DayOfWeek day) =>
        Enum.TryParse(value, ignoreCase: true, out day) && Enum.IsDefined(day) && !int.TryParse(value, out _);

    private static bool TryTime(string? value, out TimeOnly time) =>
        TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}
