"""Offline check (forecast, eighth round): how far would knowing more have taken the h=2 forecasts? Each "oracle" scales
the forecasts by the true ratio Σy/Σf over a group of zone-hours it is told in hindsight (the city's day, a zone's day,
the city's hour); the last check uses only the past: the same zone and hour of day over the previous k days.
Usage:
  python3 error_decomposition.py ../../../shared/data/nyc-taxi-zones PREDS.csv [EARLIER_PREDS.csv ...]
PREDS.csv is the `forecast` command's --out file for the scored period; earlier files (the days just before it, same
model) only feed the look-back of the last check."""
import collections, csv, datetime as dt, glob, math, sys

data_dir, scored_file, earlier_files = sys.argv[1], sys.argv[2], sys.argv[3:]
actual = {}
for path in glob.glob(f"{data_dir}/*_zone.csv"):
    rows = csv.reader(open(path))
    head = next(rows)
    zone, count, time = head.index("PUZone"), head.index("Count"), head.index("PUTime")
    for row in rows:
        if row:
            actual[(int(row[zone]), dt.datetime.fromisoformat(row[time][:16]))] = float(row[count])


def h2(path):
    return {(int(r["zone"]), dt.datetime.fromisoformat(r["hour"])): float(r["predicted"])
            for r in csv.DictReader(open(path)) if r["horizon"] == "2"}


scored = h2(scored_file)
everything = dict(scored)
for path in earlier_files:
    everything.update(h2(path))
total = sum(actual[k] for k in scored)


def wape(scale):
    return sum(abs(f * scale(z, t) - actual[(z, t)]) for (z, t), f in scored.items()) / total


def oracle(group):
    y, f = collections.Counter(), collections.Counter()
    for (z, t), p in scored.items():
        y[group(z, t)] += actual[(z, t)]
        f[group(z, t)] += p
    return wape(lambda z, t: y[group(z, t)] / f[group(z, t)] if f[group(z, t)] > 0 else 1)


print(f"shipped h=2 WAPE {wape(lambda z, t: 1):.4f}; floor of Poisson noise alone "
      f"{sum(math.sqrt(2 * actual[k] / math.pi) for k in scored) / total:.4f}")
print(f"oracle city-day {oracle(lambda z, t: t.date()):.4f}, zone-day {oracle(lambda z, t: (z, t.date())):.4f}, "
      f"city-hour {oracle(lambda z, t: t):.4f}")
for k in (3, 7):
    for alpha in (0.3, 0.5):
        def past(z, t):
            days = [t - dt.timedelta(days=d) for d in range(1, k + 1)]
            y = sum(actual[(z, d)] for d in days if (z, d) in everything)
            f = sum(everything[(z, d)] for d in days if (z, d) in everything)
            return ((y + 200) / (f + 200)) ** alpha
        print(f"same zone and hour, last {k} days, alpha {alpha}: {wape(past):.4f}")
