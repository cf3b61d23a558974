#!/usr/bin/env bash
# Runs every test of PolicyCheck: `bash test.sh` (extra arguments go to `dotnet test`, e.g. --filter Lint).
# `bash test.sh --fast` leaves out the slow suites, by NUnit category: Randomized (engine-vs-reference sweeps),
# External (tests that start the SARIF multitool, git, pre-commit or dotnet pack) and Integration. CI runs all.
# The SARIF tests validate logs with Microsoft's SARIF multitool, an npm package; this installs it into
# .tools/ on first run (about 30 MB), so a fresh machine needs nothing but the .NET 10 SDK and npm.
set -uo pipefail
cd "$(dirname "$0")"

fast_filter="TestCategory!=Randomized&TestCategory!=External&TestCategory!=Integration"
args=()
fast=0
user_filter=""
while [ $# -gt 0 ]; do
  case "$1" in
    --fast) fast=1 ;;
    --filter) user_filter="${2:-}"; shift ;;
    --filter=*) user_filter="${1#--filter=}" ;;
    *) args+=("$1") ;;
  esac
  shift
done
if [ "$fast" -eq 1 ] && [ -n "$user_filter" ]; then
  args+=(--filter "($user_filter)&$fast_filter")
elif [ "$fast" -eq 1 ]; then
  args+=(--filter "$fast_filter")
elif [ -n "$user_filter" ]; then
  args+=(--filter "$user_filter")
fi

# Install the validator once per checkout, quietly and time-bounded (see docs/sarif.md). If that fails, carry on:
# those tests then fail with the install command, never skip.
multitool=@microsoft/sarif-multitool@5.7.0
if [ "$fast" -eq 0 ] && { ! grep -qs '"version": *"5.7.0"' .tools/node_modules/@microsoft/sarif-multitool/package.json ||
  ! compgen -G '.tools/node_modules/@microsoft/sarif-multitool-*/Sarif.Multitool*' >/dev/null; }; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "warning: npm not found; cannot install $multitool for the SARIF validation tests" >&2
  elif ! timeout 300 npm install --prefix .tools --no-save --no-audit --no-fund --loglevel=error "$multitool" \
    >/dev/null 2>&1; then
    echo "warning: could not install $multitool into .tools; the SARIF validation tests will fail" >&2
  fi
fi

# npm configured with ignore-scripts skips the package's own step that marks the program executable.
for tool in .tools/node_modules/@microsoft/sarif-multitool-*/Sarif.Multitool; do
  [ -f "$tool" ] && [ ! -x "$tool" ] && chmod u+x "$tool"
done

exec dotnet test PolicyCheck.sln "${args[@]}"
