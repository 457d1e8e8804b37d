#!/usr/bin/env bash
# Starts the MCPilot sample host. Without a Discord token it runs the playground (FakeDiscord
# in-process, a demo entity, http://127.0.0.1:5180/). Arguments pass through to the host,
# e.g. `./build/run.sh entities list`.
#
# The data directory (the SQLite database, the playground's secret and key, host.json) is ./data
# in the directory this is run from. A relative data directory given to the host (--data-dir,
# Host:DataDirectory or MCPilot:Storage:DataDirectory, as an argument, with --set, or in the
# environment) is taken relative to that directory too: `dotnet run` starts the host in
# samples/MCPilot.Host, where relative paths would otherwise land.
#
# Environment: MCPILOT_RUN_CONFIGURATION (default Release) is the build configuration;
# MCPILOT_RUN_NO_BUILD=1 runs the last build of it without building first.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
caller="$PWD"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

absolute() { case "$1" in /* | '') printf '%s' "$1" ;; *) printf '%s/%s' "$caller" "$1" ;; esac; }

shopt -s nocasematch
keys='host:datadirectory|host__datadirectory|mcpilot:storage:datadirectory|mcpilot__storage__datadirectory'
args=()
host_data_given=0
value_next=0
for arg in "$@"; do
  if [ "$value_next" = 1 ]; then
    args+=("$(absolute "$arg")")
    value_next=0
  elif [[ $arg == --data-dir ]]; then
    args+=("$arg")
    value_next=1
    host_data_given=1
  elif [[ $arg =~ ^--data-dir[=:](.*)$ ]]; then
    args+=("--data-dir=$(absolute "${BASH_REMATCH[1]}")")
    host_data_given=1
  elif [[ $arg =~ ^(--|/)?($keys)=(.*)$ ]]; then
    # --key=value, /key=value, key=value (also the value of --set); it comes after --data-dir below, and wins.
    args+=("${BASH_REMATCH[1]}${BASH_REMATCH[2]}=$(absolute "${BASH_REMATCH[3]}")")
  elif [[ $arg =~ ^(--|/)($keys)$ ]]; then
    # --key value
    args+=("$arg")
    value_next=1
  else
    args+=("$arg")
  fi
done

# The same settings from the environment (Host__DataDirectory, ASPNETCORE_/DOTNET_ prefixed too),
# which a --data-dir given here would override.
for name in $(compgen -e); do
  if [[ $name =~ ^((aspnetcore|dotnet)_)?($keys)$ ]]; then
    export "$name=$(absolute "${!name}")"
    [[ ${BASH_REMATCH[3]} == host* ]] && host_data_given=1
  fi
done
shopt -u nocasematch

if [ "$host_data_given" = 0 ]; then
  if [ ! -e "$caller/data" ] && [ -d "$root/samples/MCPilot.Host/data" ] && [ "$caller" != "$root/samples/MCPilot.Host" ]; then
    echo "note: the data directory is now ./data where run.sh is run ($caller/data); earlier runs kept it in $root/samples/MCPilot.Host/data. Move it there to keep its entities and keys, or pass --data-dir." >&2
  fi
  args=(--data-dir "$caller/data" "${args[@]}")
fi

build=()
[ "${MCPILOT_RUN_NO_BUILD:-0}" = 1 ] && build=(--no-build)
# --no-launch-profile: the host reads appsettings.json, and `dotnet run` prints nothing of its own on
# standard output (so that `./build/run.sh entities list --json` is pure JSON).
exec dotnet run --project "$root/samples/MCPilot.Host" -c "${MCPILOT_RUN_CONFIGURATION:-Release}" "${build[@]}" --no-launch-profile -- "${args[@]}"
