#!/usr/bin/env bash
# Starts the MCPilot sample host. Without a Discord token it runs the playground (FakeDiscord
# in-process, a demo entity, http://127.0.0.1:5180/). Arguments pass through to the host,
# e.g. `./build/run.sh entities list`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# --no-launch-profile: the host reads appsettings.json, and `dotnet run` prints nothing of its own on
# standard output (so that `./build/run.sh entities list --json` is pure JSON).
exec dotnet run --project "$root/samples/MCPilot.Host" -c Release --no-launch-profile -- "$@"
