#!/usr/bin/env bash
# Runs MCPilot's whole test suite on a fresh Debian machine: installs what the tests need
# (PostgreSQL, bubblewrap, the npm MCP peers), starts a throwaway PostgreSQL cluster on
# loopback, runs every test project, checks FakeDiscord's recordings against Discord's spec,
# and ends with "N passed, N failed".
#
#   ./build/test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Vault]
#
# Environment: MCPILOT_SKIP_INSTALL=1 skips apt/npm installs; MCPILOT_TEST_POSTGRES=<connection
# string> uses an existing server instead of starting one; MCPILOT_SOAK_SECONDS sets how long the Gateway
# soak (random faults, events sent against received) runs: 3 s by default, e.g. 300 for a real soak;
# MCPILOT_SPEC_CHECK_MIN sets how many recorded exchanges the spec check must see (default 500: a
# filtered run records fewer, so lower it there). The spec check fails the run when the checker or
# the recordings are missing, when fewer exchanges than that were checked, or when any is rejected.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
work="$root/artifacts/test"
rm -rf "$work"
mkdir -p "$work/results" "$work/recordings"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log() { printf '\n== %s\n' "$*"; }

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

install_apt() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]} (apt)"
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

if [ "${MCPILOT_SKIP_INSTALL:-0}" != 1 ]; then
  install_apt postgresql bubblewrap
  if [ -f tests/npm/package.json ]; then
    log "installing npm test peers"
    (cd tests/npm && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi

# A throwaway PostgreSQL cluster on 127.0.0.1, owned by the postgres user when run as root.
pg_pid_dir=""
stop_pg() {
  if [ -n "$pg_pid_dir" ] && [ -f "$pg_pid_dir/data/postmaster.pid" ]; then
    run_pg "$pg_bin/pg_ctl" -D "$pg_pid_dir/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  [ -n "$pg_pid_dir" ] && rm -rf "$pg_pid_dir"
  return 0
}
run_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
trap stop_pg EXIT

if [ -z "${MCPILOT_TEST_POSTGRES:-}" ]; then
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -n "$pg_bin" ]; then
    pg_pid_dir="$(mktemp -d /tmp/mcpilot-pg.XXXXXX)"
    [ "$(id -u)" -eq 0 ] && chown postgres "$pg_pid_dir"
    pg_port="$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1]);s.close()')"
    log "starting PostgreSQL ($pg_bin) on 127.0.0.1:$pg_port"
    run_pg "$pg_bin/initdb" -D "$pg_pid_dir/data" -U mcpilot --auth=trust -E UTF8 >/dev/null
    run_pg "$pg_bin/pg_ctl" -D "$pg_pid_dir/data" -l "$pg_pid_dir/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -c port=$pg_port -c unix_socket_directories=$pg_pid_dir -c fsync=on -c max_connections=200" start >/dev/null
    export MCPILOT_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=mcpilot;Database=postgres;Include Error Detail=true"
  else
    echo "PostgreSQL is not installed: the PostgreSQL half of the storage suite will fail." >&2
  fi
fi

export MCPILOT_FAKEDISCORD_RECORD_DIR="$work/recordings"
export MCPILOT_SOAK_SECONDS="${MCPILOT_SOAK_SECONDS:-3}"
export MCPILOT_SOAK_REPORT="$work/soak.txt"

log "building"
dotnet build MCPilot.sln -c Release -warnaserror -nologo -v q -clp:NoSummary

log "testing"
status=0
dotnet test MCPilot.sln -c Release --no-build --nologo \
  --logger "trx" --results-directory "$work/results" "$@" || status=$?

[ -f "$MCPILOT_SOAK_REPORT" ] && cat "$MCPILOT_SOAK_REPORT"

log "checking recorded Discord exchanges against Discord's OpenAPI spec"
spec_min="${MCPILOT_SPEC_CHECK_MIN:-500}"
rm -f "$work/spec-check.txt"
spec_status=0
spec_error=""
spec_check=""
for candidate in "$root/../shared/tools/discord-spec-check" /work/shared/tools/discord-spec-check; do
  if [ -x "$candidate" ]; then spec_check="$candidate"; break; fi
done
recorded=()
if [ -d "$work/recordings" ]; then
  mapfile -t recorded < <(find "$work/recordings" -name '*.jsonl' -size +0 | sort)
fi
if [ -z "$spec_check" ]; then
  spec_error="discord-spec-check was not found (looked for ../shared/tools/discord-spec-check and /work/shared/tools/discord-spec-check): FakeDiscord's recordings cannot be checked against Discord's spec."
elif [ ${#recorded[@]} -eq 0 ]; then
  spec_error="no FakeDiscord recordings in $work/recordings: no test recorded an exchange, so there is nothing to check (MCPILOT_FAKEDISCORD_RECORD_DIR must reach the tests)."
else
  "$spec_check" --quiet "${recorded[@]}" > "$work/spec-check.txt" 2>&1 || spec_status=$?
  tail -n 20 "$work/spec-check.txt"
  summary=$(grep -Eo '^[0-9]+ passed, [0-9]+ failed$' "$work/spec-check.txt" | tail -n 1 || true)
  if [ -z "$summary" ]; then
    spec_error="discord-spec-check ended without its 'N passed, N failed' line (exit status $spec_status): see $work/spec-check.txt."
  else
    read -r spec_passed _ spec_failed _ <<<"$summary"
    spec_checked=$((spec_passed + spec_failed))
    if [ "$spec_status" -ne 0 ] || [ "$spec_failed" -ne 0 ]; then
      spec_error="discord-spec-check rejected $spec_failed of $spec_checked recorded exchanges: run it without --quiet on $work/recordings/*.jsonl to see why."
    elif [ "$spec_checked" -lt "$spec_min" ]; then
      spec_error="discord-spec-check saw only $spec_checked exchanges, fewer than the floor of $spec_min (MCPILOT_SPEC_CHECK_MIN): the recordings are incomplete."
    fi
  fi
fi
if [ -n "$spec_error" ]; then
  spec_status=1
  echo "SPEC CHECK FAILED: $spec_error" >&2
fi

summary_status=0
python3 - "$work/results" "$work/spec-check.txt" "$spec_status" <<'PY' || summary_status=$?
import glob, re, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    counters = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    if counters is None:
        continue
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
    skipped += int(counters.get("notExecuted", 0))
# The spec check counts as one more test: it passes only when the shell found nothing wrong with it.
try:
    m = re.findall(r"^(\d+) passed, (\d+) failed$", open(sys.argv[2]).read(), re.M)
except FileNotFoundError:
    m = []
if m:
    print(f"discord-spec-check: {m[-1][0]} exchanges passed, {m[-1][1]} failed")
if sys.argv[3] == "0":
    passed += 1
else:
    failed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed else 0)
PY

if [ "$status" -ne 0 ] || [ "$spec_status" -ne 0 ] || [ "$summary_status" -ne 0 ]; then exit 1; fi
