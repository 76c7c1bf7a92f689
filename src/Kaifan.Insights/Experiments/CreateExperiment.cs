using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.BuildingBlocks.Storage;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Insights.Experiments;

/// <summary>
/// POST /api/ops/experiments: the operator defines an experiment (it starts later, by hand). The first variant is the
/// control. A key in use is 409 naming "key"; the rest is validated field by field (400).
/// </summary>
internal static class CreateExperiment
{
    internal sealed record VariantInput(string Name, int Weight);

    internal sealed record Request(string Key, string Name, string Target, IReadOnlyList<VariantInput>? Variants) : IExperimentDefinition;

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Key).NotEmpty().Matches("^[a-z0-9][a-z0-9.-]{2,59}$")
                .WithMessage("实验标识为3到60个小写字母、数字、点或横线 (the key is 3–60 of a-z, 0-9, '.', '-')");
            Include(new DefinitionValidator());
        }
    }

    /// <summary>What an experiment is, apart from its key: what creating one and editing a draft both check.</summary>
    internal interface IExperimentDefinition
    {
        string Name { get; }
        string Target { get; }
        IReadOnlyList<VariantInput>? Variants { get; }
    }

    internal sealed class DefinitionValidator : AbstractValidator<IExperimentDefinition>
    {
        public DefinitionValidator()
        {
            RuleFor(r => r.Name).NotEmpty().MaximumLength(60).WithMessage("请填写实验名称，最多60字 (the name is required, up to 60 characters)");
            RuleFor(r => r.Target).NotEmpty().MaximumLength(60).WithMessage("请填写实验位置，最多60字 (the target is required, up to 60 characters)");
            RuleFor(r => r.Variants).NotNull().Must(v => v is { Count: >= 2 and <= 4 })
                .WithMessage("实验有2到4个版本 (an experiment has 2 to 4 variants)")
                .Must(v => v is null || v.Select(x => x.Name?.Trim()).Distinct().Count() == v.Count)
                .WithMessage("版本名称不能重复 (variant names are distinct)");
            RuleForEach(r => r.Variants).ChildRules(v =>
            {
                v.RuleFor(x => x.Name).NotEmpty().MaximumLength(ExperimentRules.MaxVariantLength)
                    .WithMessage($"版本名称为1到{ExperimentRules.MaxVariantLength}字 (a variant name has 1 to {ExperimentRules.MaxVariantLength} characters)");
                v.RuleFor(x => x.Weight).InclusiveBetween(1, 100).WithMessage("流量权重为1到100 (a weight is 1 to 100)");
            }).OverridePropertyName("variants");
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/api/ops/experiments", HandleAsync)
            .RequireAuthorization(Roles.Operator)
            .Validate<Request>()
            .WithTags("Insights")
            .Produces<ExperimentView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> HandleAsync(Request request, InsightsDb db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Experiments.AnyAsync(e => e.Key == request.Key, ct))
        {
            return Taken();
        }

        var experiment = New(request.Key, request.Name.Trim(), request.Target.Trim(), request.Variants!.Select(v => (v.Name.Trim(), v.Weight)), clock.GetUtcNow());
        db.Experiments.Add(experiment);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return Taken();
        }

        return Results.Json(ExperimentView.Of(experiment, new Dictionary<string, (int, int)>()), statusCode: StatusCodes.Status201Created);
    }

    public static Experiment New(string key, string name, string target, IEnumerable<(string Name, int Weight)> variants, DateTimeOffset now) => new()
    {
        Key = key, Name = name, Target = target, CreatedAt = now,
        Variants = variants.Select((v, i) => new ExperimentVariant { ExperimentKey = key, Name = v.Name, Weight = v.Weight, Sort = i }).ToList(),
    };

    private static IResult Taken() => Problems.Conflict("该实验标识已被使用 (the key is taken)", "key");
}
