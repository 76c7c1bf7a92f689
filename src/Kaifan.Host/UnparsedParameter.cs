using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Kaifan.Host;

/// <summary>
/// The request delegate generator (ADR 0028) answers a query or route value that does not parse into a nullable
/// parameter (<c>int? limit</c> given "abc") with a bare 400 and no exception, which status code pages would turn into a
/// problem naming nothing. This names the parameter whose value does not parse, from the endpoint's binding metadata;
/// a non-nullable one throws instead, and <see cref="BadRequestExceptionHandler"/> names that.
/// </summary>
internal static class UnparsedParameter
{
    public static async Task NameItAsync(HttpContext context, RequestDelegate next)
    {
        await next(context);
        if (context.Response is { StatusCode: StatusCodes.Status400BadRequest, HasStarted: false, ContentType: null } && Find(context) is ({ } name, { } value))
        {
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = BadRequestExceptionHandler.Malformed(StatusCodes.Status400BadRequest, name, $"Failed to bind parameter \"{name}\" from \"{value}\"."),
            });
        }
    }

    private static (string Name, string Value)? Find(HttpContext context)
    {
        foreach (var parameter in context.GetEndpoint()?.Metadata.GetOrderedMetadata<IParameterBindingMetadata>() ?? [])
        {
            var raw = context.Request.RouteValues.TryGetValue(parameter.Name, out var routeValue) ? routeValue?.ToString() : context.Request.Query[parameter.Name].ToString();
            if (parameter.HasTryParse && !string.IsNullOrEmpty(raw) && !Parses(parameter.ParameterInfo.ParameterType, raw))
            {
                return (parameter.Name, raw);
            }
        }

        return null;
    }

    private static bool Parses(Type type, string raw)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
        {
            return Enum.TryParse(type, raw, ignoreCase: true, out _);
        }

        var tryParse = type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), typeof(IFormatProvider), type.MakeByRefType()]);
        return tryParse is null || (bool)tryParse.Invoke(null, [raw, CultureInfo.InvariantCulture, null])!;
    }
}
