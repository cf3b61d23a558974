#!/usr/bin/env bash
# Installs policycheck from source, as the GitHub Action does: packs src/PolicyCheck.Cli of SOURCE into
# WORK/packages and installs that package as a dotnet tool into WORK/tool, from that folder only (a package of the
# same id and version on nuget.org can never be picked instead, and no network is needed beyond the pack's own
# restore). Prints the tool folder; appends it to $GITHUB_PATH when that is set, so later steps find `policycheck`.
#
#   usage: install.sh SOURCE WORK      e.g. install.sh "$GITHUB_ACTION_PATH" "$RUNNER_TEMP/policycheck"
set -euo pipefail

if [ "$#" -ne 2 ]; then
  echo "usage: install.sh SOURCE WORK" >&2
  exit 3
fi
source_dir=$(cd "$1" && pwd)
mkdir -p "$2"
work=$(cd "$2" && pwd)
packages=$work/packages
tool=$work/tool
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

rm -rf "$packages" "$tool"
# Progress goes to stderr: stdout carries only the tool folder.
# From the source folder, so its global.json (not the workspace's) picks the SDK.
(cd "$source_dir" && dotnet pack src/PolicyCheck.Cli --configuration Release --output "$packages" --nologo >&2)

package=$(find "$packages" -maxdepth 1 -name 'PolicyCheck.*.nupkg' ! -name '*.symbols.nupkg' | head -n 1)
if [ -z "$package" ]; then
  echo "install.sh: dotnet pack wrote no PolicyCheck package into $packages" >&2
  exit 1
fi
version=$(basename "$package" .nupkg)
version=${version#PolicyCheck.}

cat >"$work/nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="policycheck-local" value="$packages" />
  </packageSources>
</configuration>
CONFIG
(cd "$work" && dotnet tool install PolicyCheck --version "$version" --tool-path "$tool" --configfile nuget.config >&2)

if [ -n "${GITHUB_PATH:-}" ]; then
  echo "$tool" >>"$GITHUB_PATH"
fi
echo "$tool"
