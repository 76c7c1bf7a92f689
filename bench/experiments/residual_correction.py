"""Offline check (forecast, seventh round): scale each h=2 forecast by how the model's own h=1 forecasts of the
last k hours compared with what came (zone or whole city), f' = f * ((sum y + lam) / (sum f1 + lam)) ** alpha.
Uses only forecasts and counts up to the issue hour. Usage:
  python3 residual_correction.py PREDS.csv ../../../shared/data/nyc-taxi-zones
where PREDS.csv is the `forecast` command's --out file."""
import csv, datetime as dt, glob, sys

preds_file, data_dir = sys.argv[1], sys.argv[2]
actual = {}
for path in glob.glob(f"{data_dir}/*_zone.csv"):
    rows = csv.reader(open(path))
    head = next(rows)
    zone, count, time = head.index("PUZone"), head.index("Count"), head.index("PUTime")
    for row in rows:
        if row:
            actual[(int(row[zone]), dt.datetime.fromisoformat(row[time][:16]))] = float(row[count])
pred = {(int(r["zone"]), dt.datetime.fromisoformat(r["hour"]), int(r["horizon"])): float(r["predicted"])
        for r in csv.DictReader(open(preds_file))}
zones = sorted({z for z, _, _ in pred})
HOUR = dt.timedelta(hours=1)


def wape(k, alpha, lam, scope, horizon=2):
    error = total = 0.0
    for (z, target, h), f in pred.items():
        if h != horizon:
            continue
        issued = target - horizon * HOUR
        seen = came = 0.0
        complete = True
        for back in range(k):
            hour = issued - back * HOUR
            for other in ([z] if scope == "zone" else zones):
                p, y = pred.get((other, hour, 1)), actual.get((other, hour))
                if p is None or y is None:
                    complete = False
                    break
                came += y
                seen += p
            if not complete:
                break
        factor = (came + lam) / (seen + lam) if complete and seen + lam > 0 else 1.0
        y = actual[(z, target)]
        error += abs(f * factor ** alpha - y)
        total += y
    return 100 * error / total


print(f"as issued: h=2 {wape(1, 0, 0, 'zone'):.2f}%")
for scope, lams in (("zone", (0, 30, 100)), ("city", (0,))):
    for k in (1, 3, 6):
        for lam in lams:
            print(scope, f"k={k} lam={lam}", " ".join(f"alpha {a}: {wape(k, a, lam, scope):.2f}%" for a in (0.15, 0.3, 0.5)), flush=True)
