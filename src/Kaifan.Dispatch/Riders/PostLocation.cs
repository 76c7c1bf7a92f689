using System.Text.Json;
using System.Text.Json.Serialization;
using Kaifan.BuildingBlocks.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Dispatch.Riders;

/// <summary>
/// POST /api/rider/location, about every 5 s while online: the host's buffer takes the position and hands the
/// latest one per rider to the rider's grain a moment later (no grain call per ping); the history stores a sample
/// a few seconds later. Offline riders get 409: a rider this host does not know as online is asked of the grain.
/// The hottest endpoint of all (every online rider, all day), so it binds and validates by hand: a source-generated
/// reader, no endpoint filter, no validator or scope resolved per request. Bad input still gets problem+json naming
/// the field, the same answers <c>.Validate&lt;T&gt;()</c> and the host's bad-request handler give elsewhere.
/// </summary>
internal static class PostLocation
{
    internal sealed record Request(double? Latitude, double? Longitude);

    public static void Map(RouteGroupBuilder rider)
    {
        // Singletons, taken once here rather than from the request's scope on every ping.
        var services = ((IEndpointRouteBuilder)rider).ServiceProvider;
        var buffer = services.GetRequiredService<PositionBuffer>();
        var grains = services.GetRequiredService<IGrainFactory>();
        var clock = services.GetRequiredService<TimeProvider>();
        rider.MapPost("/location", (Func<HttpContext, Task<IResult>>)(http => HandleAsync(http, buffer, grains, clock)))
            .Accepts<Request>("application/json")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> HandleAsync(HttpContext http, PositionBuffer buffer, IGrainFactory grains, TimeProvider clock)
    {
        if (!http.User.TryGetRider(out var riderId))
        {
            return RiderRoutes.NoRider();
        }

        var request = await ReadAsync(http);
        if (request is null)
        {
            return Problems.Validation("body", "请求内容不能为空 (request body is required)");
        }

        if (Invalid(request) is { } problem)
        {
            return problem;
        }

        var position = new RiderPosition { RiderId = riderId, Latitude = request.Latitude!.Value, Longitude = request.Longitude!.Value, At = clock.GetUtcNow() };
        if (!buffer.KnownOnline(riderId))
        {
            if (!await grains.GetGrain<IRiderGrain>(riderId).Locate(position.Latitude, position.Longitude, position.At))
            {
                return Problems.Conflict("骑手未上线，请先上线 (go online before sharing a location)", "online");
            }

            buffer.MarkOnline(riderId);
        }

        buffer.Add(position);
        return Results.NoContent();
    }

    /// <summary>Unreadable JSON is thrown the way minimal APIs throw it, so the host answers 400 naming the field.</summary>
    private static async ValueTask<Request?> ReadAsync(HttpContext http)
    {
        if (!http.Request.HasJsonContentType())
        {
            throw new BadHttpRequestException("请求须为 JSON (expected application/json)", StatusCodes.Status415UnsupportedMediaType);
        }

        try
        {
            return await http.Request.ReadFromJsonAsync(PingJson.Default.Request, http.RequestAborted);
        }
        catch (JsonException e)
        {
            throw new BadHttpRequestException($"Failed to read parameter \"{nameof(Request)} request\" from the request body as JSON.", e);
        }
    }

    private static IResult? Invalid(Request request)
    {
        Dictionary<string, string[]>? errors = null;
        if (request.Latitude is null)
        {
            (errors ??= [])["latitude"] = [RiderPositionRules.LatitudeMissing];
        }
        else if (request.Latitude is not (>= -90 and <= 90))
        {
            (errors ??= [])["latitude"] = [RiderPositionRules.LatitudeInvalid];
        }

        if (request.Longitude is null)
        {
            (errors ??= [])["longitude"] = [RiderPositionRules.LongitudeMissing];
        }
        else if (request.Longitude is not (>= -180 and <= 180))
        {
            (errors ??= [])["longitude"] = [RiderPositionRules.LongitudeInvalid];
        }

        if (RiderPositionRules.IsNullIsland(request.Latitude, request.Longitude))
        {
            (errors ??= [])["latitude"] = [RiderPositionRules.NullIsland];
        }

        return errors is null ? null : Results.ValidationProblem(errors);
    }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(PostLocation.Request))]
internal sealed partial class PingJson : JsonSerializerContext;
