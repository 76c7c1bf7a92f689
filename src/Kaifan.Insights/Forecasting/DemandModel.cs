using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace Kaifan.Insights.Forecasting;

internal sealed record ModelOptions(int Trees = 200, int Leaves = 31, int MinLeafRows = 50, double LearningRate = 0.08,
    int TrainingDays = 56, int Seed = 17, bool ObservedWeatherAsForecast = false, bool Dynamics = true, bool PerZone = false,
    double Blend = 1.0)
{
    /// <summary>Small and fast, for tests.</summary>
    public static ModelOptions Tiny => new(Trees: 20, Leaves: 8, MinLeafRows: 10, TrainingDays: 14);
}

/// <summary>One global LightGBM regressor over all zones and both horizons. It predicts demand as a multiple of
/// <see cref="Features.Base"/> and weights each row by that base, so the loss tracks errors in orders (what WAPE counts).</summary>
internal sealed class DemandModel
{
    private readonly MLContext ml;
    private readonly ITransformer model;

    private DemandModel(MLContext ml, ITransformer model)
    {
        this.ml = ml;
        this.model = model;
    }

    public static DemandModel Train(IReadOnlyList<TrainingRow> rows, ModelOptions options)
    {
        var ml = new MLContext(seed: options.Seed);
        var data = ml.Data.LoadFromEnumerable(rows);
        var trainer = ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
        {
            LabelColumnName = nameof(TrainingRow.Label),
            FeatureColumnName = nameof(TrainingRow.Features),
            ExampleWeightColumnName = nameof(TrainingRow.Weight),
            NumberOfIterations = options.Trees,
            NumberOfLeaves = options.Leaves,
            MinimumExampleCountPerLeaf = options.MinLeafRows,
            LearningRate = options.LearningRate,
            // One thread and a fixed seed: the same data always gives the same trees.
            NumberOfThreads = 1,
            Seed = options.Seed,
            Silent = true,
            Verbose = false,
        });
        return new DemandModel(ml, trainer.Fit(data));
    }

    public float[] Predict(IReadOnlyList<float[]> features)
    {
        if (features.Count == 0) return [];
        var data = ml.Data.LoadFromEnumerable(features.Select(f => new TrainingRow { Features = f }));
        return model.Transform(data).GetColumn<float>("Score").ToArray();
    }
}

internal sealed class TrainingRow
{
    [VectorType(Forecasting.Features.Count)]
    public float[] Features { get; set; } = [];
    public float Label { get; set; }
    public float Weight { get; set; } = 1;
    [NoColumn]
    public int Zone { get; set; }
}
