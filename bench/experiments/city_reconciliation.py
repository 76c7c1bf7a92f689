"""Offline check (forecast, ninth round): would a separate city-wide forecast, with the zone forecasts scaled toward it
(top-down reconciliation), take error off the h=2 forecasts? Prints the city-wide WAPE of the model's summed zone
forecasts against simple city-wide forecasts made at the same issue hour (last week's hour; the 4-week mean of the
hour-of-week; that mean times the last 3, 6 or 24 hours' level), then the zone WAPE after scaling every zone's forecast
by (city forecast / summed forecast)^alpha, and with the true city total (an oracle, for scale).
Usage:
  python3 city_reconciliation.py ../../../shared/data/nyc-taxi-zones PREDS.csv
PREDS.csv is the `forecast` command's --out file."""
import collections, csv, datetime as dt, glob, sys

data_dir, pred_file = sys.argv[1], sys.argv[2]
actual = {}
for path in glob.glob(f"{data_dir}/*_zone.csv"):
    rows = csv.reader(open(path)); head = next(rows)
    zi, ci, ti = head.index("PUZone"), head.index("Count"), head.index("PUTime")
    for row in rows:
        if row: actual[(int(row[zi]), dt.datetime.fromisoformat(row[ti][:16]))] = float(row[ci])
city = collections.Counter()
for (z, t), y in actual.items(): city[t] += y
pred = {(int(r["zone"]), dt.datetime.fromisoformat(r["hour"])): float(r["predicted"]) for r in csv.DictReader(open(pred_file)) if r["horizon"] == "2"}
F = collections.Counter()
for (z, t), f in pred.items(): F[t] += f
hours = sorted(F)
H = dt.timedelta(hours=1)
def seasonal(t): return sum(city[t - k * 168 * H] for k in range(1, 5)) / 4
def level(issue, n=24):
    num = sum(city[issue - i * H] for i in range(n)); den = sum(seasonal(issue - i * H) for i in range(n))
    return num / den if den else 1
def cityhat(t, n=24):
    issue = t - 2 * H
    return seasonal(t) * level(issue, n)
def wape_city(g): return sum(abs(g(t) - city[t]) for t in hours) / sum(city[t] for t in hours)
print("city WAPE: model sum %.4f, last week %.4f, 4wk mean %.4f, 4wk x level24 %.4f, x level6 %.4f, x level3 %.4f" % (
    wape_city(lambda t: F[t]), wape_city(lambda t: city[t - 168 * H]), wape_city(seasonal), wape_city(cityhat),
    wape_city(lambda t: cityhat(t, 6)), wape_city(lambda t: cityhat(t, 3))))

total = sum(actual[k] for k in pred)
def zw(scale): return sum(abs(f * scale(t) - actual[(z, t)]) for (z, t), f in pred.items()) / total
print("zone WAPE shipped %.4f, city oracle %.4f" % (zw(lambda t: 1), zw(lambda t: city[t] / F[t])))
for n in (3, 6, 24):
    for a in (0.25, 0.5):
        print("reconciled to 4wk x level%d, alpha %.2f: %.4f" % (n, a, zw(lambda t: (cityhat(t, n) / F[t]) ** a)))
