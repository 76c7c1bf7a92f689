using Microsoft.AspNetCore.Http;

namespace Kaifan.Ordering;

/// <summary>Ordering's 404 names the field that pointed at nothing, like every other rejection here.</summary>
internal static class OrderingProblems
{
    public static IResult NotFound(string what, string field) =>
        Results.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "Not found",
            detail: $"{what} 不存在 (not found)",
            extensions: new Dictionary<string, object?> { ["field"] = field });

    public static IResult Status(int status, string detail, string field) =>
        Results.Problem(
            statusCode: status,
            title: status switch
            {
                StatusCodes.Status404NotFound => "Not found",
                StatusCodes.Status409Conflict => "Conflict",
                _ => "Unprocessable",
            },
            detail: detail,
            extensions: new Dictionary<string, object?> { ["field"] = field });
}
