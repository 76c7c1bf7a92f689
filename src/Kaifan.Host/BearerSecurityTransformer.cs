using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Kaifan.Host;

/// <summary>Tells API clients (and the reference page) that calls carry a bearer token.</summary>
internal sealed class BearerSecurityTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Info.Title = "Kaifan 开饭 API";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "POST /api/auth/codes, then POST /api/auth/tokens; send the token as Authorization: Bearer …",
        };
        return Task.CompletedTask;
    }
}
