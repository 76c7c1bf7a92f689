using System.Net;
using System.Text.Json.Nodes;

namespace Kaifan.Tests.Infrastructure;

public static class Refusals
{
    /// <summary>
    /// A refusal is problem+json with the given status that names the field: among the validation errors for a 400,
    /// as the problem's <c>field</c> otherwise.
    /// </summary>
    public static async Task ShouldBeRefusedAsync(this HttpResponseMessage response, HttpStatusCode status, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = JsonNode.Parse(body)!;
        if (status == HttpStatusCode.BadRequest)
        {
            problem["errors"]!.AsObject().Select(e => e.Key).ShouldContain(k => k.Equals(field, StringComparison.OrdinalIgnoreCase), body);
        }
        else
        {
            problem["field"]!.GetValue<string>().ShouldBe(field);
        }
    }
}
