namespace Kaifan.Insights.Forecasting;

/// <summary>A zone's counts as seen by a forecast issued at hour index <see cref="Issue"/>: reading a later hour throws, so
/// no feature or baseline can look past the issue time by accident.</summary>
internal readonly struct KnownSeries(float[] counts, int issue)
{
    public int Issue { get; } = issue;

    public float At(int hour)
    {
        if (hour > Issue) throw new InvalidOperationException($"hour {hour} is after the issue hour {Issue}");
        return hour < 0 || hour >= counts.Length ? float.NaN : counts[hour];
    }

    /// <summary>Sum over [from, to] ignoring missing hours; NaN when none is known.</summary>
    public float Sum(int from, int to)
    {
        float sum = 0; var any = false;
        for (var i = from; i <= to; i++)
        {
            var v = At(i);
            if (float.IsNaN(v)) continue;
            sum += v; any = true;
        }
        return any ? sum : float.NaN;
    }

    public float Mean(int from, int to)
    {
        float sum = 0; var n = 0;
        for (var i = from; i <= to; i++)
        {
            var v = At(i);
            if (float.IsNaN(v)) continue;
            sum += v; n++;
        }
        return n == 0 ? float.NaN : sum / n;
    }

    /// <summary>Mean of the same hour of week over the last <paramref name="weeks"/> weeks before <paramref name="target"/>.</summary>
    public float WeeklyMean(int target, int weeks = 4)
    {
        float sum = 0; var n = 0;
        for (var k = 1; k <= weeks; k++)
        {
            var v = At(target - 168 * k);
            if (float.IsNaN(v)) continue;
            sum += v; n++;
        }
        return n == 0 ? float.NaN : sum / n;
    }

    /// <summary>Mean of the middle two of the last four same-hours-of-week: one storm or holiday in the month moves it little.</summary>
    public float WeeklyMedian(int target)
    {
        Span<float> v = stackalloc float[4];
        var n = 0;
        for (var k = 1; k <= 4; k++)
        {
            var x = At(target - 168 * k);
            if (!float.IsNaN(x)) v[n++] = x;
        }
        if (n == 0) return float.NaN;
        v[..n].Sort();
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /// <summary>Like <see cref="LevelRatio"/> against the <see cref="WeeklyMedian"/> profile.</summary>
    public float MedianLevelRatio(int hours = 24)
    {
        float actual = 0, usual = 0;
        for (var i = Issue - hours + 1; i <= Issue; i++)
        {
            var a = At(i);
            var u = WeeklyMedian(i);
            if (float.IsNaN(a) || float.IsNaN(u)) continue;
            actual += a; usual += u;
        }
        return usual <= 0 ? 1f : actual / usual;
    }

    /// <summary>Recent level against the 4-week same-hour-of-week profile over the last <paramref name="hours"/> known
    /// hours: 1.2 means demand has run 20% above its usual rhythm.</summary>
    public float LevelRatio(int hours = 24)
    {
        float actual = 0, usual = 0;
        for (var i = Issue - hours + 1; i <= Issue; i++)
        {
            var a = At(i);
            var u = WeeklyMean(i);
            if (float.IsNaN(a) || float.IsNaN(u)) continue;
            actual += a; usual += u;
        }
        return usual <= 0 ? 1f : actual / usual;
    }
}
