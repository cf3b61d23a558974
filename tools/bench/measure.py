#!/usr/bin/env python3
"""Whole-process measurements of `policycheck matrix` on synthetic clusters.

Builds the CLI and the generator in Release, generates each size once (cached under $TMPDIR), runs the command
several times under /usr/bin/time and records the median wall time, the median peak RSS, and the load and
evaluate times the CLI reports with --verbose. Writes docs/perf/results.csv; docs/perf/scaling.gp plots it.

Usage: python3 tools/bench/measure.py [--runs 5] [--quick]
"""
import argparse, csv, os, re, statistics, subprocess, sys, tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CLI = os.path.join(ROOT, "src/PolicyCheck.Cli/bin/Release/net10.0/policycheck.dll")
SYNTH = os.path.join(ROOT, "tools/PolicyCheck.Synth/bin/Release/net10.0/policycheck-synth.dll")

# (label, workloads, namespaces, policies, pods per workload)
SIZES = [
    ("1k", 1000, 50, 300, 0),
    ("2.5k", 2500, 125, 500, 0),
    ("5k", 5000, 250, 1000, 0),
    ("10k", 10000, 500, 2000, 0),
    ("25k", 25000, 1250, 5000, 0),
    ("50k", 50000, 2500, 10000, 0),
    ("100 deployments", 100, 10, 60, 0),
    ("100 deployments x 100 pods", 100, 10, 60, 100),
]


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw)


def cluster(workloads, namespaces, policies, pods):
    folder = os.path.join(tempfile.gettempdir(), "policycheck-bench", f"w{workloads}-n{namespaces}-p{policies}-r{pods}-s1")
    if not os.path.isdir(folder):
        run(["dotnet", SYNTH, "--out", folder, "--workloads", str(workloads), "--namespaces", str(namespaces),
             "--policies", str(policies), "--pods-per-workload", str(pods), "--seed", "1"])
    return folder


def measure(folder):
    cmd = ["/usr/bin/time", "-f", "TIME %e %M", "dotnet", CLI, "matrix", folder, "--format", "json",
           "--group-equivalent", "--output-file", os.devnull, "--verbose"]
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({result.returncode}):\n{result.stderr}")
    wall, rss = re.search(r"TIME ([\d.]+) (\d+)", result.stderr).groups()
    load = re.search(r"object\(s\) in (\d+) ms", result.stderr).group(1)
    evaluate = re.search(r"port set\(s\) in (\d+) ms", result.stderr).group(1)
    classes = re.search(r"in (\d+) equivalence class", result.stderr).group(1)
    return float(wall), int(rss) / 1024, int(load), int(evaluate), int(classes)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="only up to 10k workloads")
    args = parser.parse_args()
    run(["dotnet", "build", "-c", "Release", os.path.join(ROOT, "src/PolicyCheck.Cli")])
    run(["dotnet", "build", "-c", "Release", os.path.join(ROOT, "tools/PolicyCheck.Synth")])
    rows = []
    for label, workloads, namespaces, policies, pods in SIZES:
        if args.quick and workloads > 10000:
            continue
        folder = cluster(workloads, namespaces, policies, pods)
        samples = [measure(folder) for _ in range(args.runs)]
        median = lambda i: statistics.median(s[i] for s in samples)
        row = {"size": label, "workloads": workloads, "namespaces": namespaces, "policies": policies,
               "pods_per_workload": pods, "runs": args.runs, "wall_s": round(median(0), 2),
               "peak_rss_mib": round(median(1)), "load_ms": round(median(2)), "evaluate_ms": round(median(3)),
               "classes": samples[0][4]}
        rows.append(row)
        print(row, flush=True)
    out = os.path.join(ROOT, "docs/perf/results.csv")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
