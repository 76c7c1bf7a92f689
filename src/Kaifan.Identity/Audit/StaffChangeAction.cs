using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Kaifan.Identity.Audit;

internal sealed record StaffChange(string Action, string SubjectType, string? SubjectId, string? Detail);

/// <summary>
/// Names a state-changing request from its route pattern and method, so no module has to remember to:
/// PUT /api/ops/zones/{zoneId}/batch-lines/{lineId} is "zone.batch-line.updated" on batch-line {lineId} with
/// "zoneId=…" as detail; POST /api/merchant/orders/{id}/accept is "order.accepted" on order {id}. Only route values that
/// are ids reach the entry: the body, which may hold names and addresses, is never read.
/// </summary>
internal static class StaffChangeAction
{
    /// <summary>First segments that say who the route is for, not what it changes (the actor's role says that already).</summary>
    private static readonly HashSet<string> Audiences = ["ops", "merchant", "me", "rider"];

    /// <summary>Last segments that are commands rather than things, with the past tense the action code uses.</summary>
    private static readonly Dictionary<string, string> Commands = new()
    {
        ["accept"] = "accepted",
        ["approve"] = "approved",
        ["reject"] = "rejected",
        ["ready"] = "marked-ready",
        ["reassign"] = "reassigned",
        ["retrain"] = "retrained",
        ["cancel"] = "cancelled",
        ["reorder"] = "reordered",
        ["refund"] = "refunded",
        ["decline"] = "declined",
        ["import"] = "imported",
        ["reply"] = "replied",
        ["resolve"] = "resolved",
        ["replay"] = "replayed",
        ["reconcile"] = "reconciled",
        ["offboard"] = "offboarded",
    };

    public static StaffChange Of(string method, RoutePattern pattern, RouteValueDictionary values, string? location)
    {
        var segments = pattern.PathSegments
            .Select(s => s.Parts is [RoutePatternParameterPart p] ? (Literal: (string?)null, Parameter: p.Name)
                : (Literal: string.Concat(s.Parts.OfType<RoutePatternLiteralPart>().Select(l => l.Content)), Parameter: (string?)null))
            .ToList();
        if (segments is [{ Literal: "api" }, ..])
        {
            segments.RemoveAt(0);
        }

        if (segments is [{ Literal: { } audience }, _, ..] && Audiences.Contains(audience))
        {
            segments.RemoveAt(0);
        }

        var nouns = new List<string>();
        var ids = new List<(string Noun, string Name, string Value)>();
        string? verb = null;
        for (var i = 0; i < segments.Count; i++)
        {
            if (segments[i].Literal is { } literal)
            {
                if (i == segments.Count - 1 && Commands.TryGetValue(literal, out var command))
                {
                    verb = command;
                }
                else
                {
                    nouns.Add(Singular(literal));
                }
            }
            else if (IdValue(values, segments[i].Parameter!) is { } id)
            {
                ids.Add((nouns.LastOrDefault() ?? segments[i].Parameter!, segments[i].Parameter!, id));
            }
        }

        var createsOne = verb is null && HttpMethods.IsPost(method) && segments is [.., { Literal: not null }];
        verb ??= method.ToUpperInvariant() switch
        {
            "POST" => "created",
            "DELETE" => "deleted",
            _ => "updated",
        };
        // A new thing's id is in the Location header; otherwise the subject is the thing owning the last id in the route.
        var (subjectType, subjectId, parents) = (nouns.LastOrDefault() ?? "unknown", (string?)null, ids);
        if (createsOne && LastSegment(location) is { } created)
        {
            subjectId = created;
        }
        else if (ids.Count > 0)
        {
            (subjectType, subjectId, parents) = (ids[^1].Noun, ids[^1].Value, ids[..^1]);
        }

        var detail = parents.Count == 0 ? null : string.Join(' ', parents.Select(p => $"{p.Name}={p.Value}"));
        return new StaffChange(string.Join('.', nouns.Append(verb)), subjectType, subjectId, detail);
    }

    private static string? IdValue(RouteValueDictionary values, string name) =>
        values.TryGetValue(name, out var value) && value?.ToString() is { } text && (Guid.TryParse(text, out _) || long.TryParse(text, out _))
            ? text
            : null;

    private static string? LastSegment(string? location) =>
        location?.TrimEnd('/').Split('/')[^1] is { } last && Guid.TryParse(last, out _) ? last : null;

    private static string Singular(string word) => word switch
    {
        _ when word.EndsWith("ies", StringComparison.Ordinal) => word[..^3] + "y",
        _ when word.EndsWith("ss", StringComparison.Ordinal) || word.EndsWith("us", StringComparison.Ordinal) => word,
        _ when word.EndsWith('s') => word[..^1],
        _ => word,
    };
}
