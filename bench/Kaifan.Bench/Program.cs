using Kaifan.Bench;

return args.FirstOrDefault() switch
{
    "forecast" => ForecastCommand.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Kaifan.Bench <command> [options]\n  forecast --history DIR --from yyyy-MM-dd --to yyyy-MM-dd [--horizon 2] [--out preds.csv]");
    return 2;
}
