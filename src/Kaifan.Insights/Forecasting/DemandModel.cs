using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace Kaifan.Insights.Forecasting;

/// <summary>Defaults are what ships: the mean of an L1 and an L2 LightGBM (native), the zone as a category, 51 features.
/// Objective "mlnet" with Shapes and ZoneCategory off is the earlier 45-feature ML.NET model.</summary>
internal sealed record ModelOptions(int Trees = 200, int Leaves = 31, int MinLeafRows = 50, double LearningRate = 0.08,
    int TrainingDays = 56, int Seed = 17, bool ObservedWeatherAsForecast = false, bool Dynamics = true, bool PerZone = false,
    double Blend = 1.0, string Objective = "l1,l2", double FeatureFraction = 1.0, double BaggingFraction = 1.0, int Seeds = 1,
    string Extra = "", bool Shapes = true, double HalfLifeDays = 0, bool ZoneCategory = true)
{
    /// <summary>Small and fast, for tests.</summary>
    public static ModelOptions Tiny => new(Trees: 20, Leaves: 8, MinLeafRows: 10, TrainingDays: 14);
}

/// <summary>One global LightGBM regressor over all zones and both horizons (or the mean of several: <see cref="ModelOptions.Objective"/>
/// lists them). It predicts demand as a multiple of <see cref="Features.Base"/> and weights each row by that base, so the loss
/// tracks errors in orders (what WAPE counts).</summary>
internal sealed class DemandModel
{
    private readonly List<Func<IReadOnlyList<float[]>, float[]>> members;

    private DemandModel(List<Func<IReadOnlyList<float[]>, float[]>> members) => this.members = members;

    /// <summary>"mlnet" is ML.NET's trainer (L2 only); any other name is a LightGBM objective run natively.</summary>
    public static DemandModel Train(IReadOnlyList<TrainingRow> rows, ModelOptions options)
    {
        var members = new List<Func<IReadOnlyList<float[]>, float[]>>();
        foreach (var objective in options.Objective.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            members.Add(objective == "mlnet" ? TrainMlNet(rows, options) : TrainNative(rows, options, objective));
        return new DemandModel(members);
    }

    private static Func<IReadOnlyList<float[]>, float[]> TrainMlNet(IReadOnlyList<TrainingRow> rows, ModelOptions options)
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
        var model = trainer.Fit(data);
        return features => model.Transform(ml.Data.LoadFromEnumerable(features.Select(f => new TrainingRow { Features = f })))
            .GetColumn<float>("Score").ToArray();
    }

    private static Func<IReadOnlyList<float[]>, float[]> TrainNative(IReadOnlyList<TrainingRow> rows, ModelOptions options, string objective)
    {
        var matrix = Matrix(rows.Select(r => r.Features).ToList());
        var labels = rows.Select(r => r.Label).ToArray();
        var weights = rows.Select(r => r.Weight).ToArray();
        var boosters = Enumerable.Range(0, options.Seeds).Select(k =>
            NativeLightGbm.Train(matrix, rows.Count, Forecasting.Features.Count, labels, weights, Parameters(options, objective, options.Seed + k))).ToArray();
        return features =>
        {
            var x = Matrix(features);
            var sum = new double[features.Count];
            foreach (var b in boosters)
            {
                var p = b.Predict(x, features.Count, Forecasting.Features.Count);
                for (var i = 0; i < p.Length; i++) sum[i] += p[i];
            }
            return sum.Select(v => (float)(v / boosters.Length)).ToArray();
        };
    }

    /// <summary>One thread, a fixed seed and deterministic mode: the same data always gives the same trees.</summary>
    private static string Parameters(ModelOptions o, string objective, int seed)
    {
        var p = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"objective={objective} num_iterations={o.Trees} num_leaves={o.Leaves} min_data_in_leaf={o.MinLeafRows} " +
            $"learning_rate={o.LearningRate} lambda_l2=0.01 min_sum_hessian_in_leaf=0.1 feature_fraction={o.FeatureFraction} " +
            $"num_threads=1 seed={seed} deterministic=true force_row_wise=true verbosity=-1");
        if (o.ZoneCategory) p += $" categorical_feature={Forecasting.Features.ZoneIndex}";
        if (o.BaggingFraction < 1) p += string.Create(System.Globalization.CultureInfo.InvariantCulture, $" bagging_fraction={o.BaggingFraction} bagging_freq=1");
        return o.Extra.Length > 0 ? p + " " + o.Extra : p;
    }

    private static float[] Matrix(IReadOnlyList<float[]> features)
    {
        var matrix = new float[features.Count * Forecasting.Features.Count];
        for (var i = 0; i < features.Count; i++) features[i].CopyTo(matrix, i * Forecasting.Features.Count);
        return matrix;
    }

    public float[] Predict(IReadOnlyList<float[]> features)
    {
        if (features.Count == 0) return [];
        var sum = new float[features.Count];
        foreach (var member in members)
        {
            var p = member(features);
            for (var i = 0; i < p.Length; i++) sum[i] += p[i];
        }
        for (var i = 0; i < sum.Length; i++) sum[i] /= members.Count;
        return sum;
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
