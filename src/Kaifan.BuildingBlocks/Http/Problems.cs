using Microsoft.AspNetCore.Http;

namespace Kaifan.BuildingBlocks.Http;

/// <summary>The problem+json answers every module gives, so clients see one shape.</summary>
public static class Problems
{
    public static IResult NotFound(string what) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"{what} 不存在 (not found)");

    /// <summary>404 naming the field whose value found nothing (a code, a chain one is not in), in the words given.</summary>
    public static IResult NotFoundAt(string field, string detail) =>
        Results.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "Not found",
            detail: detail,
            extensions: new Dictionary<string, object?> { ["field"] = field });

    public static IResult Validation(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    public static IResult Conflict(string detail, string? field = null) =>
        Results.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "Conflict",
            detail: detail,
            extensions: field is null ? null : new Dictionary<string, object?> { ["field"] = field });

    public static IResult Unprocessable(string detail, string field) =>
        Results.Problem(
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "Unprocessable",
            detail: detail,
            extensions: new Dictionary<string, object?> { ["field"] = field });
}
