#!/usr/bin/env python3
"""Per-phase report of bench/cluster-faults.sh (markdown on stdout).

usage: cluster-faults-report.py WORK PROCTORS

Reads, from WORK: phases (unix ms and name per line, written by the script), raw.csv (every event -> proctor
delivery measured by bench/LoadGenerator), raw.csv.calls.csv (every student call with its status), raw.csv.start (the
load's start in unix ms), machine (uptime), load.md (the generator's own report). A tab_hidden event belongs to the
phase in which it was sent.
"""
import csv
import statistics
import sys
from collections import defaultdict


def percentile(values, p):
    if not values:
        return None
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def fmt(ms):
    return "–" if ms is None else (f"{ms:.0f} ms" if ms < 10000 else f"{ms / 1000:.1f} s")


def main():
    work, proctors = sys.argv[1], int(sys.argv[2])
    start = int(open(f"{work}/raw.csv.start").read().strip())
    marks = [(int(t) - start, name) for t, name in (line.split() for line in open(f"{work}/phases") if line.strip())]
    phases = [(name, at, marks[i + 1][0] if i + 1 < len(marks) else float("inf")) for i, (at, name) in enumerate(marks) if name != "end"]

    def phase_of(ms):
        for name, begin, end in phases:
            if begin <= ms < end:
                return name
        return "setup" if ms < phases[0][1] else "drain"

    delivered = defaultdict(set)  # (student, number) -> proctors
    latency = defaultdict(list)
    with open(f"{work}/raw.csv") as f:
        for row in csv.DictReader(f):
            key = (int(row["student"]), int(row["number"]))
            delivered[key].add(int(row["proctor"]))
            latency[phase_of(float(row["sent_ms"]))].append(float(row["latency_ms"]))

    calls = []
    with open(f"{work}/raw.csv.calls.csv") as f:
        calls = [dict(r, sent_ms=float(r["sent_ms"]), status=int(r["status"]), student=int(r["student"])) for r in csv.DictReader(f)]
    calls.sort(key=lambda c: c["sent_ms"])

    # The n-th accepted tab_hidden of a student is its event number n (the generator counts only accepted ones).
    accepted = defaultdict(list)
    numbers = defaultdict(int)
    errors = defaultdict(lambda: defaultdict(int))
    frames = defaultdict(lambda: [0, 0])  # phase -> [answered 2xx, shed]
    for c in calls:
        phase = phase_of(c["sent_ms"])
        ok = 200 <= c["status"] < 300
        if not ok:
            errors[phase][c["status"]] += 1
        if c["kind"] == "tab_hidden" and ok:
            numbers[c["student"]] += 1
            accepted[phase].append((c["student"], numbers[c["student"]]))
        if c["kind"] == "frame" and ok:
            frames[phase][0] += 1
            frames[phase][1] += int(c["shed"])

    # Time until every session is served again after a fault: for each student whose calls failed after the fault
    # began, the time from the fault's start to its first successful call after its last failure in that phase.
    # A failure is a call without an answer or with a 5xx: a 4xx is the client's doing, not the cluster's.
    def recovery(name, begin, end):
        last_failure, first_success_after = {}, {}
        for c in calls:
            if not (begin <= c["sent_ms"] < end):
                continue
            if c["status"] == 0 or c["status"] >= 500:
                last_failure[c["student"]] = c["sent_ms"]
                first_success_after.pop(c["student"], None)
            elif 200 <= c["status"] < 300 and c["student"] in last_failure and c["student"] not in first_success_after:
                first_success_after[c["student"]] = c["sent_ms"]
        if not last_failure:
            return "no call failed"
        unserved = [s for s in last_failure if s not in first_success_after]
        worst = max(first_success_after.values(), default=begin) - begin
        text = f"{len(last_failure)} sessions saw a failure; all served again {fmt(worst)} after the phase began"
        return text + (f"; {len(unserved)} not served again within the phase" if unserved else "")

    answers_lost, answers_checked = defaultdict(int), defaultdict(int)
    with open(f"{work}/raw.csv.answers.csv") as f:
        for row in csv.DictReader(f):
            phase = phase_of(float(row["sent_ms"]))
            answers_checked[phase] += 1
            answers_lost[phase] += row["read_back"] != "1"

    print("# Cluster under faults: per-phase report\n")
    print("```")
    print(open(f"{work}/machine").read().strip())
    print("```\n")
    print("| phase | answers acknowledged (last per question) | not read back | events sent (accepted tab_hidden) | deliveries expected | missing | event→proctor p50 | p99 | max | frames answered | shed | student HTTP errors | served again |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for name, begin, end in phases:
        events = accepted[name]
        expected = len(events) * proctors
        missing = sum(proctors - len(delivered.get(e, ())) for e in events)
        lat = latency[name]
        errs = ", ".join(f"{(s if s else 'no answer')}: {n}" for s, n in sorted(errors[name].items())) or "0"
        served = recovery(name, begin, end) if name in ("kill", "join", "roll") else "–"
        print(f"| {name} | {answers_checked[name]} | {answers_lost[name]} | {len(events)} | {expected} | {missing} | {fmt(percentile(lat, 50))} | {fmt(percentile(lat, 99))} | "
              f"{fmt(max(lat) if lat else None)} | {frames[name][0]} | {frames[name][1]} | {errs} | {served} |")
    total_lat = [v for values in latency.values() for v in values]
    print(f"\nAll phases: {len(total_lat)} deliveries, p50 {fmt(percentile(total_lat, 50))}, "
          f"p99 {fmt(percentile(total_lat, 99))}, mean {fmt(statistics.mean(total_lat) if total_lat else None)}.")
    print("\nPhase boundaries (seconds from the load's start): "
          + ", ".join(f"{n} {b / 1000:.0f}" for n, b, _ in phases) + f", end {marks[-1][0] / 1000:.0f}.")


if __name__ == "__main__":
    main()
