using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using static Kaifan.Insights.Experiments.CreateExperiment;

namespace Kaifan.Insights.Experiments;

/// <summary>
/// PUT /api/ops/experiments/{key} changes a draft's name, target and variants; DELETE /api/ops/experiments/{key} removes
/// a draft. Once started, an experiment's variants are fixed (a customer's variant must never change), so both are 409
/// naming "status" then — also when the start wins a race with the edit, which is conditional on the draft still being one.
/// </summary>
internal static class EditDraftExperiment
{
    internal sealed record Request(string Name, string Target, IReadOnlyList<VariantInput>? Variants) : IExperimentDefinition;

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => Include(new DefinitionValidator());
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPut("/api/ops/experiments/{key}", EditAsync)
            .RequireAuthorization(Roles.Operator).Validate<Request>().WithTags("Insights")
            .Produces<ExperimentView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapDelete("/api/ops/experiments/{key}", DeleteAsync)
            .RequireAuthorization(Roles.Operator).WithTags("Insights")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> EditAsync(string key, Request request, InsightsDb db, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (name, target) = (request.Name.Trim(), request.Target.Trim());
        var draft = await db.Experiments.Where(e => e.Key == key && e.StartedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Name, name).SetProperty(e => e.Target, target), ct);
        if (draft == 0)
        {
            return await NotDraftAsync(db, key, ct);
        }

        await db.Set<ExperimentVariant>().Where(v => v.ExperimentKey == key).ExecuteDeleteAsync(ct);
        db.Set<ExperimentVariant>().AddRange(request.Variants!.Select((v, i) => new ExperimentVariant { ExperimentKey = key, Name = v.Name.Trim(), Weight = v.Weight, Sort = i }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        var saved = await db.Experiments.AsNoTracking().Include(e => e.Variants).SingleAsync(e => e.Key == key, ct);
        return Results.Ok(ExperimentView.Of(saved, new Dictionary<string, (int, int)>()));
    }

    private static async Task<IResult> DeleteAsync(string key, InsightsDb db, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.Experiments.Where(e => e.Key == key && e.StartedAt == null).ExecuteUpdateAsync(s => s.SetProperty(e => e.Name, e => e.Name), ct) == 0)
        {
            return await NotDraftAsync(db, key, ct);
        }

        // The no-op update above locked the draft, so a start cannot slip in between these deletes.
        await db.Set<ExperimentVariant>().Where(v => v.ExperimentKey == key).ExecuteDeleteAsync(ct);
        await db.Experiments.Where(e => e.Key == key).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        return Results.NoContent();
    }

    private static async Task<IResult> NotDraftAsync(InsightsDb db, string key, CancellationToken ct) =>
        await db.Experiments.AnyAsync(e => e.Key == key, ct)
            ? Problems.Conflict("实验已开始，不能再修改或删除 (a started experiment cannot be changed or deleted)", "status")
            : Problems.NotFoundAt("key", "实验不存在 (no such experiment)");
}
