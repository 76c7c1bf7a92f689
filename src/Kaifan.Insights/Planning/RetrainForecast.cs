using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kaifan.Insights.Planning;

/// <summary>POST /api/ops/insights/forecast/retrain: queues a retrain and answers 202 with the progress, which
/// GET /api/ops/insights/forecast keeps reporting.</summary>
internal static class RetrainForecast
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/ops/insights/forecast/retrain", Handle)
            .RequireAuthorization(Roles.Operator)
            .WithTags("Ops insights")
            .Produces<ForecastStatusView>(StatusCodes.Status202Accepted);

    private static IResult Handle(ForecastService service)
    {
        service.RequestRetrain();
        return Results.Accepted("/api/ops/insights/forecast", ForecastStatusView.From(service.Status));
    }
}
