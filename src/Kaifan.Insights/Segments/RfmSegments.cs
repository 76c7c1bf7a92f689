namespace Kaifan.Insights.Segments;

/// <summary>
/// The classic eight RFM segments: recent or not, frequent or not, spending much or not. Keys are what the API and the
/// campaigns store; the names are the ones Chinese CRM practice uses.
/// </summary>
internal static class RfmSegments
{
    public const string ImportantValue = "important_value";
    public const string ImportantDevelop = "important_develop";
    public const string ImportantRetain = "important_retain";
    public const string ImportantWinBack = "important_win_back";
    public const string GeneralValue = "general_value";
    public const string GeneralDevelop = "general_develop";
    public const string GeneralRetain = "general_retain";
    public const string GeneralWinBack = "general_win_back";

    public static readonly IReadOnlyList<string> All =
        [ImportantValue, ImportantDevelop, ImportantRetain, ImportantWinBack, GeneralValue, GeneralDevelop, GeneralRetain, GeneralWinBack];

    public static string NameOf(string key) => key switch
    {
        ImportantValue => "重要价值客户",
        ImportantDevelop => "重要发展客户",
        ImportantRetain => "重要保持客户",
        ImportantWinBack => "重要挽留客户",
        GeneralValue => "一般价值客户",
        GeneralDevelop => "一般发展客户",
        GeneralRetain => "一般保持客户",
        GeneralWinBack => "一般挽留客户",
        _ => key,
    };

    /// <summary>Monetary decides 重要 or 一般; recency and frequency decide value, develop, retain or win back.</summary>
    public static string Of(bool recent, bool frequent, bool bigSpender) => (bigSpender, recent, frequent) switch
    {
        (true, true, true) => ImportantValue,
        (true, true, false) => ImportantDevelop,
        (true, false, true) => ImportantRetain,
        (true, false, false) => ImportantWinBack,
        (false, true, true) => GeneralValue,
        (false, true, false) => GeneralDevelop,
        (false, false, true) => GeneralRetain,
        _ => GeneralWinBack,
    };
}

/// <summary>A customer's recency (days since the last order), frequency and monetary (orders and fen in the window).</summary>
internal sealed record Rfm(Guid CustomerId, double RecencyDays, int Frequency, long MonetaryFen);

internal sealed record ScoredCustomer(Rfm Rfm, string Segment);

/// <summary>The station's averages the scores were measured against.</summary>
internal sealed record RfmAverages(double RecencyDays, double Frequency, double MonetaryFen);

/// <summary>
/// Scores each customer high or low against the station's averages (docs/adr/0013-rfm-segments.md): recent when the
/// last order is no older than the average, frequent and a big spender only when strictly above the average, so a
/// customer who orders and spends like everyone else is not singled out as 重要.
/// </summary>
internal static class RfmScoring
{
    public const int WindowDays = 90;

    // An average of equal values can miss them by a rounding step; a customer equal to the average is at it.
    private const double Tolerance = 1e-6;

    public static (IReadOnlyList<ScoredCustomer> Customers, RfmAverages Averages) Score(IReadOnlyList<Rfm> customers)
    {
        if (customers.Count == 0)
        {
            return ([], new RfmAverages(0, 0, 0));
        }

        var averages = new RfmAverages(
            customers.Average(c => c.RecencyDays), customers.Average(c => c.Frequency), customers.Average(c => (double)c.MonetaryFen));
        var scored = customers
            .Select(c => new ScoredCustomer(c, RfmSegments.Of(
                recent: c.RecencyDays <= averages.RecencyDays + Tolerance,
                frequent: c.Frequency > averages.Frequency + Tolerance,
                bigSpender: c.MonetaryFen > averages.MonetaryFen + Tolerance)))
            .ToList();
        return (scored, averages);
    }
}
