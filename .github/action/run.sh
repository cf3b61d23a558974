#!/usr/bin/env bash
# The GitHub Action's lint step (action.yml), kept in a script so a test can run it outside GitHub. It lints to
# SARIF, writes the job summary (findings, and the reachability change against the pull request's base), and sets
# the step outputs. It does not fail on findings: the action fails later, after the SARIF upload, using the
# exit-code output. It fails only when lint could not run at all (usage error, no SARIF written).
#
# Inputs come as environment variables, as action.yml passes them:
#   INPUT_PATHS       manifest files or folders, separated by spaces or newlines (default: .)
#   INPUT_PROFILE     lint profile (passed as --profile only when set)
#   INPUT_FAIL_ON     error|warning|note|none (default: warning)
#   INPUT_BASELINE    baseline file (passed as --baseline only when set)
#   INPUT_SARIF_FILE  where to write the SARIF log (default: $RUNNER_TEMP/policycheck.sarif)
#   INPUT_DIFF        true|false: add the reachability diff to the summary (default: true)
#   INPUT_BASE_REF    git ref to diff against (default: $GITHUB_BASE_REF, the pull request's base branch)
#   POLICYCHECK       the command to run (default: policycheck, from PATH)
# and GitHub's GITHUB_WORKSPACE (the working directory), GITHUB_STEP_SUMMARY and GITHUB_OUTPUT (appended to; when
# unset the summary goes to stdout and the outputs are only printed).
set -uo pipefail

policycheck=${POLICYCHECK:-policycheck}
cd "${GITHUB_WORKSPACE:-.}" || exit 3

set -f # paths are words, never globs
# shellcheck disable=SC2206 # splitting on whitespace is the documented format of the input
paths=(${INPUT_PATHS:-.})
set +f
[ "${#paths[@]}" -gt 0 ] || paths=(.)
fail_on=${INPUT_FAIL_ON:-warning}
sarif=${INPUT_SARIF_FILE:-${RUNNER_TEMP:-${TMPDIR:-/tmp}}/policycheck.sarif}
summary=${GITHUB_STEP_SUMMARY:-/dev/stdout}
outputs=${GITHUB_OUTPUT:-/dev/null}

lint_options=()
[ -n "${INPUT_PROFILE:-}" ] && lint_options+=(--profile "$INPUT_PROFILE")
[ -n "${INPUT_BASELINE:-}" ] && lint_options+=(--baseline "$INPUT_BASELINE")

set_output() {
  echo "$1=$2" >>"$outputs"
  echo "policycheck: output $1=$2"
}

if ! command -v jq >/dev/null 2>&1; then
  echo "::error::policycheck action: jq is needed to count the findings in the SARIF log; install it on the runner."
  exit 3
fi

mkdir -p "$(dirname "$sarif")"
rm -f "$sarif"
"$policycheck" lint "${paths[@]}" ${lint_options[@]+"${lint_options[@]}"} --fail-on "$fail_on" -o sarif --output-file "$sarif"
lint_exit=$?
if [ "$lint_exit" -ge 3 ] || [ ! -s "$sarif" ]; then
  echo "::error::policycheck lint failed with exit code $lint_exit and wrote no SARIF log; see the messages above."
  exit $((lint_exit == 0 ? 1 : lint_exit))
fi
sarif=$(cd "$(dirname "$sarif")" && pwd)/$(basename "$sarif")

# A finding is a result nobody suppressed (an ignore annotation or the baseline).
findings=$(jq '[.runs[]?.results[]? | select(((.suppressions // []) | length) == 0)] | length' "$sarif") || {
  echo "::error::policycheck action: $sarif is not valid JSON."
  exit 1
}

{
  # The Markdown report of the same findings; its exit code was already taken from the SARIF run.
  "$policycheck" lint "${paths[@]}" ${lint_options[@]+"${lint_options[@]}"} --fail-on none -o md
  echo
} >>"$summary"

if [ "${INPUT_DIFF:-true}" = "true" ]; then
  base=${INPUT_BASE_REF:-${GITHUB_BASE_REF:-}}
  diff_note=""
  base_rev=""
  if [ -z "$base" ]; then
    diff_note="No base to compare with: this is not a pull request and the base-ref input is empty."
  else
    # A ref name, not a commit id, so the diff's headline says what was compared. actions/checkout fetches only the
    # pull request's merge commit by default: then fetch the base branch, one commit deep.
    for candidate in "$base" "origin/$base" fetch; do
      if [ "$candidate" = fetch ]; then
        git fetch --quiet --no-tags --depth=1 origin "+refs/heads/$base:refs/remotes/origin/$base" 2>/dev/null || break
        candidate=origin/$base
      fi
      if git rev-parse --verify --quiet "$candidate^{commit}" >/dev/null; then
        base_rev=$candidate
        break
      fi
    done
    [ -n "$base_rev" ] || diff_note="The base ref '$base' is not in this clone and could not be fetched."
  fi

  if [ -n "$base_rev" ]; then
    diff_out=$(mktemp)
    diff_err=$(mktemp)
    "$policycheck" diff --git "$base_rev" "${paths[@]}" -o md >"$diff_out" 2>"$diff_err"
    diff_exit=$?
    case $diff_exit in
      0 | 1) cat "$diff_out" >>"$summary" ;;
      2)
        cat "$diff_out" >>"$summary"
        echo >>"$summary"
        echo "Some manifests could not be read on one side; the diff leaves them out (see the job log)." >>"$summary"
        cat "$diff_err" >&2
        ;;
      *)
        cat "$diff_err" >&2
        diff_note="policycheck diff against '$base' failed with exit code $diff_exit; see the job log."
        ;;
    esac
    rm -f "$diff_out" "$diff_err"
  fi
  if [ -n "$diff_note" ]; then
    {
      echo "## Reachability change"
      echo
      echo "$diff_note"
      echo
    } >>"$summary"
  fi
fi

set_output findings-count "$findings"
set_output sarif-file "$sarif"
set_output exit-code "$lint_exit"
exit 0
