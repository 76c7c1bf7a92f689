using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.BuildingBlocks.Http;

/// <summary>
/// The <c>limit</c> of a list endpoint: how many rows a client asks for, and whether more lie beyond them. A console
/// shows more by asking for a longer list, so its timed rereads keep what it shows.
/// </summary>
public static class ListLimit
{
    /// <summary>
    /// Where a list answered as a bare JSON array says whether more lie beyond it ("true" or "false"): its body stays the
    /// array existing clients read.
    /// </summary>
    public const string MoreHeader = "Kaifan-More";

    /// <summary>Says in <see cref="MoreHeader"/> whether the list holds more than was answered.</summary>
    public static void AnswerMore(this HttpResponse response, bool more) => response.Headers[MoreHeader] = more ? "true" : "false";

    /// <summary>The longest list any endpoint answers at once.</summary>
    public const int Max = 1_000;

    /// <summary>A 400 naming <c>limit</c> when it is given and outside 1..<paramref name="max"/>; null when it may be used.</summary>
    public static IResult? Refusal(int? limit, int max = Max) =>
        limit is { } asked && (asked < 1 || asked > max)
            ? Problems.Validation("limit", $"条数应在1到{max}之间 (limit must be 1..{max})")
            : null;

    /// <summary>The first <paramref name="limit"/> rows of an ordered query and whether it holds more, known by reading one row more.</summary>
    public static async Task<(List<T> Rows, bool More)> TakeWithMoreAsync<T>(this IQueryable<T> ordered, int limit, CancellationToken ct)
    {
        var rows = await ordered.Take(limit + 1).ToListAsync(ct);
        var more = rows.Count > limit;
        if (more)
        {
            rows.RemoveAt(limit);
        }

        return (rows, more);
    }
}
