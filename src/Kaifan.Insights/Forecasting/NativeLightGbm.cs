using System.Globalization;
using System.Runtime.InteropServices;

namespace Kaifan.Insights.Forecasting;

/// <summary>LightGBM through its own C API (lib_lightgbm 4.6, the native library Microsoft.ML.LightGbm already ships).
/// ML.NET's regression trainer fixes the objective to L2; WAPE is an absolute error, so the model wants the L1 objective
/// (weighted by the base, it minimises exactly Σ|y − r·base|), which only the native library offers.</summary>
internal sealed class NativeLightGbm : IDisposable
{
    private const string Lib = "lib_lightgbm";
    private const int Float32 = 0, PredictNormal = 0;
    private IntPtr booster;

    private NativeLightGbm(IntPtr booster) => this.booster = booster;

    public static NativeLightGbm Train(float[] rowMajor, int rows, int columns, float[] labels, float[] weights, string parameters)
    {
        Check(LGBM_DatasetCreateFromMat(rowMajor, Float32, rows, columns, 1, parameters, IntPtr.Zero, out var dataset));
        try
        {
            Check(LGBM_DatasetSetField(dataset, "label", labels, rows, Float32));
            Check(LGBM_DatasetSetField(dataset, "weight", weights, rows, Float32));
            Check(LGBM_BoosterCreate(dataset, parameters, out var booster));
            var model = new NativeLightGbm(booster);
            var iterations = int.Parse(Parameter(parameters, "num_iterations") ?? "100", CultureInfo.InvariantCulture);
            for (var i = 0; i < iterations; i++)
            {
                Check(LGBM_BoosterUpdateOneIter(booster, out var finished));
                if (finished != 0) break;
            }
            return model;
        }
        finally
        {
            LGBM_DatasetFree(dataset);
        }
    }

    public double[] Predict(float[] rowMajor, int rows, int columns)
    {
        var result = new double[rows];
        if (rows == 0) return result;
        Check(LGBM_BoosterPredictForMat(booster, rowMajor, Float32, rows, columns, 1, PredictNormal, 0, -1, "num_threads=1", out _, result));
        return result;
    }

    public void Dispose()
    {
        if (booster == IntPtr.Zero) return;
        LGBM_BoosterFree(booster);
        booster = IntPtr.Zero;
        GC.SuppressFinalize(this);
    }

    ~NativeLightGbm()
    {
        if (booster != IntPtr.Zero) LGBM_BoosterFree(booster);
    }

    private static string? Parameter(string parameters, string name) => parameters.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Select(p => p.Split('=', 2)).Where(p => p[0] == name).Select(p => p[1]).LastOrDefault();

    private static void Check(int code)
    {
        if (code != 0) throw new InvalidOperationException("LightGBM: " + Marshal.PtrToStringAnsi(LGBM_GetLastError()));
    }

    [DllImport(Lib)] private static extern IntPtr LGBM_GetLastError();

    [DllImport(Lib)]
    private static extern int LGBM_DatasetCreateFromMat(float[] data, int dataType, int rows, int columns, int isRowMajor,
        [MarshalAs(UnmanagedType.LPStr)] string parameters, IntPtr reference, out IntPtr dataset);

    [DllImport(Lib)]
    private static extern int LGBM_DatasetSetField(IntPtr dataset, [MarshalAs(UnmanagedType.LPStr)] string field, float[] data, int count, int type);

    [DllImport(Lib)] private static extern int LGBM_DatasetFree(IntPtr dataset);

    [DllImport(Lib)]
    private static extern int LGBM_BoosterCreate(IntPtr dataset, [MarshalAs(UnmanagedType.LPStr)] string parameters, out IntPtr booster);

    [DllImport(Lib)] private static extern int LGBM_BoosterUpdateOneIter(IntPtr booster, out int isFinished);

    [DllImport(Lib)]
    private static extern int LGBM_BoosterPredictForMat(IntPtr booster, float[] data, int dataType, int rows, int columns, int isRowMajor,
        int predictType, int startIteration, int numIteration, [MarshalAs(UnmanagedType.LPStr)] string parameters, out long length, double[] result);

    [DllImport(Lib)] private static extern int LGBM_BoosterFree(IntPtr booster);
}
