using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Identity.Users;

/// <summary>
/// GET /api/me/data-export: the signed-in customer's or rider's copy of their personal data (GDPR art. 15/20, PIPL
/// art. 45), one section per IPersonalDataExport that the modules register, as a JSON file to keep. A rider's id is their
/// user id, so the same sections serve both: a customer's "rider" section is null, a rider's "orders" empty. Only the
/// token's own person: there is no id to ask for anyone else's.
/// </summary>
internal static class ExportMyData
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,

        // A person reads their own copy: Chinese stays Chinese rather than \uXXXX.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new UtcTimes() },
    };

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/me/data-export", HandleAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.Customer, Roles.Rider))
            .WithTags("Identity")
            .Produces(StatusCodes.Status200OK, contentType: "application/json");

    private static async Task<IResult> HandleAsync(
        ClaimsPrincipal principal, IEnumerable<IPersonalDataExport> exports, IdentityDb db, IAuditLog audit, TimeProvider clock,
        CancellationToken ct)
    {
        var userId = principal.UserId();

        // Tokens outlive an erasure (they are not looked up per request): an erased account has nothing left to export.
        var role = await db.Users.Where(u => u.Id == userId && u.ErasedAt == null).Select(u => u.Role).FirstOrDefaultAsync(ct);
        if (role is null)
        {
            return Problems.NotFound("用户 (user)");
        }

        var sections = new Dictionary<string, object?>();
        foreach (var export in exports)
        {
            sections[export.Section] = await export.ExportAsync(userId, ct);
        }

        var exportedAt = clock.GetUtcNow();
        var document = JsonSerializer.SerializeToUtf8Bytes(new { exportedAt, userId, sections }, Json);
        await audit.RecordAsync(new AuditRecord(userId, role, "privacy.export", "user", userId.ToString(), StatusCodes.Status200OK), ct);

        // The file is named for the person's own day, as they will look for it.
        var day = exportedAt.ToOffset(ChinaTime.Offset).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        return Results.File(document, "application/json; charset=utf-8", $"kaifan-my-data-{day}.json");
    }

    /// <summary>Whatever offset a provider hands back, the copy states every time in UTC ("Z").</summary>
    private sealed class UtcTimes : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetDateTimeOffset();

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.UtcDateTime);
    }
}
