using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.BuildingBlocks.Http;

public static class Validation
{
    /// <summary>Runs the request's FluentValidation validator before the handler; failures are problem+json naming each field.</summary>
    public static RouteHandlerBuilder Validate<TRequest>(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(async (context, next) =>
            {
                var request = context.Arguments.OfType<TRequest>().FirstOrDefault();
                if (request is null)
                {
                    return Problems.Validation("body", "请求内容不能为空 (request body is required)");
                }

                var validator = context.HttpContext.RequestServices.GetRequiredService<IValidator<TRequest>>();
                var result = await validator.ValidateAsync(request, context.HttpContext.RequestAborted);
                if (result.IsValid)
                {
                    return await next(context);
                }

                var errors = result.Errors
                    .GroupBy(e => JsonPath(e.PropertyName))
                    .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray());
                return Results.ValidationProblem(errors);
            })
            .ProducesValidationProblem();

    /// <summary>"Lines[0].Quantity" becomes "lines[0].quantity", the name the client sent.</summary>
    public static string JsonPath(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}
