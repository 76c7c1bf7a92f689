#!/usr/bin/env bash
# Runs every Kaifan test. Starts (and afterwards stops) a throwaway PostgreSQL 15 server and
# installs what the tests need when it is missing. Extra arguments go to `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")"

need_apt=()
command -v redis-server >/dev/null || need_apt+=(redis-server)
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
# Not grep -q: it stops reading early, fc-list dies of SIGPIPE, and pipefail then reports a missing font.
fc-list 2>/dev/null | grep -i "wenquanyi\|wqy" >/dev/null || need_apt+=(fonts-wqy-microhei)
# Shop logos and the H5's icons are emoji; without a colour emoji font screenshots show empty boxes.
fc-list 2>/dev/null | grep -i "Noto Color Emoji" >/dev/null || need_apt+=(fonts-noto-color-emoji)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "installing: ${need_apt[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pg_dir=$(mktemp -d /tmp/kaifan-pg.XXXXXX)
# Above Linux's ephemeral range (32768–60999): a browser's or host's outgoing connection can hold a port below it.
pg_port=${KAIFAN_PG_PORT:-61432}
chown postgres "$pg_dir" 2>/dev/null || true
as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
as_postgres "$pg_bin/initdb -D $pg_dir/data -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null"
as_postgres "$pg_bin/pg_ctl -D $pg_dir/data -o '-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off' -l $pg_dir/log -w start >/dev/null"
stop_pg() { as_postgres "$pg_bin/pg_ctl -D $pg_dir/data -m immediate stop >/dev/null" || true; rm -rf "$pg_dir"; }
trap stop_pg EXIT

export KAIFAN_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=60"

# Each test host writes its warnings and errors here (tests/Kaifan.Tests/Infrastructure/HostLog.cs). A failed run prints
# the errors, stamped with the wall clock, since a test's own message cannot say what the host was stuck on.
# A folder given in KAIFAN_TEST_LOGS is kept; the throwaway one only when the run fails.
keep_logs=${KAIFAN_TEST_LOGS:+yes}
export KAIFAN_TEST_LOGS=${KAIFAN_TEST_LOGS:-$(mktemp -d /tmp/kaifan-test-logs.XXXXXX)}
mkdir -p "$KAIFAN_TEST_LOGS"
run_start=$(mktemp "$KAIFAN_TEST_LOGS/.run.XXXXXX")
echo "tests start at $(date -u +%H:%M:%S) UTC"
test_out="$KAIFAN_TEST_LOGS/.dotnet-test.out"
set +e
dotnet test Kaifan.sln -c Release "$@" 2>&1 | tee "$test_out"
status=${PIPESTATUS[0]}
set -e
if [ $status -ne 0 ]; then
  echo "=== the last 150 errors the test hosts logged (UTC; every host's warnings and errors are in $KAIFAN_TEST_LOGS) ==="
  (cd "$KAIFAN_TEST_LOGS" && find . -maxdepth 1 -name '*.log' -newer "$run_start" -exec grep -H -E '^[0-9:.]+ (Error|Critical) ' {} + \
    | sed 's|^\./||' | awk -F: '{ file = $1; sub(/^[^:]*:/, ""); print substr($0, 1, 1500) "  [" file "]" }' | sort | tail -n 150) || true
  # Last, so that a log showing only the end of the run still names what failed.
  echo "=== failed tests (each with the first lines of its message) ==="
  grep -E -A 6 '^\s+Failed [A-Za-z]' "$test_out" | cut -c 1-400 || echo "(none reported: the build or the test host failed; see above)"
elif [ -z "$keep_logs" ]; then
  rm -rf "$KAIFAN_TEST_LOGS"
fi
exit $status
