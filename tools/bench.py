"""`make bench`: latency, throughput, start time, training time and memory, printed and saved.

Everything over REST against servers this script starts itself (free ports):
  - one Rasa server (the default setup: SQLite tracker store, in-memory locks),
  - the cluster with one and with two Rasa servers behind nginx (PostgreSQL, Redis),
each loaded with 1 and with 20 concurrent conversations, for (a) a question
answered by a static utterance ("Ich verabschiede mich" -> utter_goodbye; a greeting
goes through the action, which answers "Hallo, wo ist …?") and (b) one answered by
the custom action ("Telefonnummer <short name>" of the first partner with a phone
number in the knowledge file -> action_answer), in the same run. The
understanding step (fact search included) is timed in-process on questions built
from the knowledge file, which is what the fact search adds to an action call.
The load generator runs on the same 2 cores as the servers, so absolute figures
are lower bounds of what the servers could do with the machine to themselves.
Results: a table on the terminal and results/bench.json, with the targets of the
production issue next to the measured values.
"""

from __future__ import annotations

import argparse
import csv
import os
import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Dict, List, Optional

import requests

from tools.launch.cluster import start_cluster
from tools.store_bench import compare_stores
from tools.sample_questions import phone_question
from tools.launch.local import MODEL, PROJECT_ROOT, RASA, Launcher, start_servers

_PHONE = phone_question()
QUESTIONS = {"static": "Ich verabschiede mich", "action": _PHONE.question}
EXPECTED = {"static": "Auf Wiedersehen", "action": _PHONE.phone}
# Questions per partner for timing the understanding step; {name} is the partner's short name.
UNDERSTANDING_QUESTIONS = ("Seit wann gibt es {name}?", "Wie viele Mitglieder hat {name}?", "Was macht {name}?",
                           "und wo sitzen die?", "Mitglieder?")
CONCURRENCY = (1, 20)
# A resident who tells a situation writes a long message: timed on the evaluation turns of at least this
# many words, each read once (each is a distinct message, as a resident's would be).
LONG_MESSAGE_WORDS = 20
# A resident's conversation is short; longer ones only measure the growing tracker.
TURNS_PER_CONVERSATION = 10
# The long conversation of the speed issue: turn 60 should cost about what turn 1 costs.
LONG_CONVERSATION_TURNS = 60


def peak_memory_mb(pid: int) -> float:
    """Peak resident memory (VmHWM) of a process and its children, in MB."""
    total = 0.0
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    for one in pids:
        status = Path(f"/proc/{one}/status")
        if status.exists():
            for line in status.read_text().splitlines():
                if line.startswith("VmHWM:"):
                    total += int(line.split()[1]) / 1024
    return round(total, 1)


def launcher_memory(launcher: Launcher) -> Dict[str, float]:
    return {name: peak_memory_mb(p.pid) for name, p in launcher.processes.items() if name != "web"}


def answered(response: requests.Response, kind: str) -> bool:
    """The reply is the expected one (compared on the decoded texts: JSON escapes '/')."""
    if response.status_code != 200:
        return False
    return any(EXPECTED[kind] in (m.get("text") or "") for m in response.json())


def load(url: str, kind: str, concurrency: int, messages: int, label: str) -> Dict[str, float]:
    """`concurrency` workers at once, each holding conversations of TURNS_PER_CONVERSATION messages."""
    latencies: List[float] = []
    errors = 0
    lock = threading.Lock()
    per_worker = max(1, messages // concurrency)

    def worker(number: int) -> None:
        nonlocal errors
        session = requests.Session()
        for turn in range(per_worker):
            if turn % TURNS_PER_CONVERSATION == 0:  # a new resident
                sender = f"bench-{label}-{kind}-{concurrency}-{number}-{turn}-{time.monotonic_ns()}"
            start = time.perf_counter()
            response = session.post(f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": QUESTIONS[kind]},
                                    timeout=60)
            elapsed = time.perf_counter() - start
            ok = answered(response, kind)
            with lock:
                latencies.append(elapsed)
                errors += not ok

    # Warm-up: the first requests load TensorFlow graphs and open connections.
    warm = requests.Session()
    for _ in range(3):
        warm.post(f"{url}/webhooks/rest/webhook", json={"sender": f"warm-{label}", "message": QUESTIONS[kind]}, timeout=60)
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        list(pool.map(worker, range(concurrency)))
    wall = time.perf_counter() - started
    ordered = sorted(latencies)
    return {
        "messages": len(latencies),
        "errors": errors,
        "p50_ms": round(statistics.median(ordered) * 1000, 1),
        "p95_ms": round(ordered[max(0, int(len(ordered) * 0.95) - 1)] * 1000, 1),
        "max_ms": round(ordered[-1] * 1000, 1),
        "messages_per_s": round(len(latencies) / wall, 1),
    }


LOCUST = PROJECT_ROOT / "build" / "locust-venv" / "bin" / "locust"  # made by `make bench`
OPEN_LOOP_SECONDS = 40


def locust_figures(stats_csv: Path) -> Dict[str, float]:
    """p50/p95/p99, requests, failures and achieved rate from locust's `<prefix>_stats.csv`."""
    with stats_csv.open(encoding="utf-8") as handle:
        row = next(r for r in csv.DictReader(handle) if r["Name"] == "Aggregated")
    return {"requests": int(row["Request Count"]), "errors": int(row["Failure Count"]),
            "p50_ms": float(row["50%"]), "p95_ms": float(row["95%"]), "p99_ms": float(row["99%"]),
            "messages_per_s": round(float(row["Requests/s"]), 1)}


def open_loop(url: str, rate: int, work: Path, label: str, seconds: int = OPEN_LOOP_SECONDS) -> Dict[str, float]:
    """`rate` residents with one message per second each (a fixed arrival rate), locust headless."""
    prefix = work / f"locust-{label}"
    env = {**os.environ, "LOTSE_QUESTION": QUESTIONS["action"], "LOTSE_EXPECT": EXPECTED["action"]}
    subprocess.run([str(LOCUST), "-f", str(PROJECT_ROOT / "tools" / "load" / "locustfile.py"), "--headless",
                    "--users", str(rate), "--spawn-rate", str(rate), "--run-time", f"{seconds}s", "--host", url,
                    "--csv", str(prefix), "--only-summary"], env=env, check=False,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return {"rate_per_s": rate, **locust_figures(Path(f"{prefix}_stats.csv"))}


def run_loads(url: str, label: str, messages: int) -> Dict[str, Dict[str, float]]:
    results = {}
    for kind in QUESTIONS:
        for concurrency in CONCURRENCY:
            results[f"{kind}@{concurrency}"] = load(url, kind, concurrency, messages, label)
            print(f"  {label:<10} {kind:<7} {concurrency:>2} concurrent: {results[f'{kind}@{concurrency}']}", flush=True)
    return results


def long_conversation(url: str, label: str, turns: int = LONG_CONVERSATION_TURNS) -> Dict[str, float]:
    """One conversation of `turns` action questions: median of the first and of the last ten turns."""
    session = requests.Session()
    sender = f"bench-long-{label}-{time.monotonic_ns()}"
    times: List[float] = []
    for _ in range(turns):
        start = time.perf_counter()
        response = session.post(f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": QUESTIONS["action"]},
                                timeout=60)
        times.append(time.perf_counter() - start)
        response.raise_for_status()
    first, last = statistics.median(times[:10]) * 1000, statistics.median(times[-10:]) * 1000
    return {"turns": turns, "first_10_p50_ms": round(first, 1), "last_10_p50_ms": round(last, 1),
            "last_vs_first": round(last / first, 2)}


def single_server(work: Path, model: Path, messages: int, stock: bool, report: Dict[str, object]) -> None:
    """Loads and a long conversation against one Rasa server; `stock` = without the project's changes."""
    label = "stock" if stock else "single"
    started = time.monotonic()
    with start_servers(work / label, model, stock_rasa=stock) as bot:
        first = requests.post(f"{bot.rasa_url}/webhooks/rest/webhook",
                              json={"sender": "first", "message": QUESTIONS["static"]}, timeout=60)
        first.raise_for_status()
        if not stock:
            report["start"] = {
                "rasa_ready_s": round(bot.launcher.ready_seconds["rasa"], 1),
                "action_server_ready_s": round(bot.launcher.ready_seconds["actions"], 1),
                "first_answer_after_start_s": round(time.monotonic() - started, 1),
            }
        report[label] = run_loads(bot.rasa_url, label, messages)
        # Open loop at half the project's closed-loop throughput (the same rate for stock Rasa).
        rate = report.setdefault("open_loop_rate", max(1, round(report[label]["action@20"]["messages_per_s"] / 2)))
        if LOCUST.exists():
            report.setdefault("open_loop", {})[label] = open_loop(bot.rasa_url, int(rate), work, label)  # type: ignore
            print(f"  {label:<10} open loop at {rate}/s: {report['open_loop'][label]}", flush=True)  # type: ignore
        else:
            print(f"  (no open-loop run: {LOCUST} missing; `make bench` installs it)", flush=True)
        report.setdefault("long_conversation", {})[label] = long_conversation(bot.rasa_url, label)  # type: ignore[index]
        print(f"  {label:<10} long conversation: {report['long_conversation'][label]}", flush=True)  # type: ignore[index]
        report.setdefault("memory_mb", {}).update(  # type: ignore[union-attr]
            {f"{label}:{k}": v for k, v in launcher_memory(bot.launcher).items()})


def time_understanding(rounds: int = 20) -> Dict[str, float]:
    """p50/p95 of one Understanding.read (entities, memory, fact search) in ms, in-process."""
    from actions.actions import UNDERSTANDING, KNOWLEDGE  # loads the knowledge file and lemmatizer
    from actions.memory import Memory
    from tests.support.fixtures import entity, make_tracker

    directory = KNOWLEDGE.current()
    understanding = UNDERSTANDING.get(directory)
    trackers = [
        make_tracker(text=question.format(name=p.short_name or p.name), intent="ask_partner_info",
                     entities=[entity("partner", p.id)] if "{name}" in question else [], slots={"partner": p.id})
        for p in directory.partners for question in UNDERSTANDING_QUESTIONS
    ]
    times: List[float] = []
    for _ in range(rounds):
        for tracker in trackers:
            start = time.perf_counter()
            understanding.read(tracker, Memory.from_tracker(tracker))
            times.append((time.perf_counter() - start) * 1000)
    return _read_figures(times)


def _read_figures(times: List[float]) -> Dict[str, float]:
    """Count, p50 and p95 of the understanding step's read times (ms)."""
    times = sorted(times)
    return {"messages": len(times), "p50_ms": round(statistics.median(times), 2),
            "p95_ms": round(times[int(len(times) * 0.95)], 2)}


def long_messages() -> List[str]:
    """The evaluation conversations' turns of LONG_MESSAGE_WORDS words or more, each once."""
    import yaml
    from tools.evaluate import CONVERSATION_SETS, EVALUATION_DIR

    return list(dict.fromkeys(
        turn["text"] for name in CONVERSATION_SETS
        for conversation in yaml.safe_load((EVALUATION_DIR / name).read_text(encoding="utf-8"))["conversations"]
        for turn in conversation["turns"] if len(turn["text"].split()) >= LONG_MESSAGE_WORDS))


def time_long_messages(limit: Optional[int] = None) -> Dict[str, float]:
    """p50/p95 of one Understanding.read of a long message (a story told before the question), in ms:
    the understanding step's work grows with the words (word groups for typos, cue words of situations
    and danger), which the short questions above do not show."""
    from actions.actions import UNDERSTANDING, KNOWLEDGE
    from actions.memory import Memory
    from tests.support.fixtures import make_tracker

    understanding = UNDERSTANDING.get(KNOWLEDGE.current())
    times: List[float] = []
    for text in long_messages()[:limit]:
        tracker = make_tracker(text=text, intent="ask_target_group_help")
        start = time.perf_counter()
        understanding.read(tracker, Memory())
        times.append((time.perf_counter() - start) * 1000)
    return _read_figures(times)


def time_training(work: Path) -> float:
    """A full training from scratch (`--force`), as after a change to config.yml."""
    start = time.monotonic()
    subprocess.run([str(RASA), "train", "--force", "--fixed-model-name", "bench", "--out", str(work / "models")],
                   cwd=PROJECT_ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return round(time.monotonic() - start, 1)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=MODEL)
    parser.add_argument("--messages", type=int, default=200, help="messages per load run")
    parser.add_argument("--no-train", action="store_true", help="skip the training-time measurement")
    parser.add_argument("--no-cluster", action="store_true", help="one server only (stock and project); nothing saved")
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "results" / "bench.json")
    args = parser.parse_args(argv)
    report: Dict[str, object] = {"messages_per_run": args.messages}
    print("==> Timing the understanding step (fact search included), in-process", flush=True)
    report["understanding"] = time_understanding()
    report["understanding_long"] = time_long_messages()
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        work = Path(folder)
        if not args.no_train:
            print("==> Timing a full training (rasa train --force)", flush=True)
            report["train_s"] = time_training(work)
        print("==> One Rasa server as the project runs it (`python -m server run`; SQLite, in-memory locks)",
              flush=True)
        single_server(work, args.model, args.messages, False, report)
        print("==> One stock Rasa server (`rasa run` and Rasa's SQLTrackerStore: without server/'s and stores/' changes;"
              " SQLite, in-memory locks)", flush=True)
        single_server(work, args.model, args.messages, True, report)
        print("==> Tracker stores per message, turns 1-10 vs 51-60 (in-process; SQLite, PostgreSQL, Redis)", flush=True)
        report["stores"] = compare_stores(work / "stores")
        for name, figures in report["stores"].items():
            print(f"  {name:20} {figures}", flush=True)
        if args.no_cluster:
            report["targets"] = targets(report)
            print_table(report)
            return 0
        for instances in (1, 2):
            label = f"cluster-{instances}"
            print(f"==> Cluster with {instances} Rasa server(s) behind nginx (PostgreSQL, Redis)", flush=True)
            with start_cluster(work / label, args.model, instances=instances) as cluster:
                report[label] = {k: v for k, v in run_loads(cluster.url, label, args.messages).items()
                                 if k.endswith("@20")}
                report["memory_mb"].update({f"{label}:{k}": v for k, v in launcher_memory(cluster.launcher).items()})
    report["targets"] = targets(report)
    print_table(report)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"-> {args.out}")
    return 0


def targets(report: Dict) -> Dict[str, Dict[str, object]]:
    """Each target of the production issue: the measured value and whether it is met."""
    single = report["single"]

    def throughput(setup: Dict) -> float:
        return setup["action@20"]["messages_per_s"]

    stock = report["stock"]
    long = report["long_conversation"]
    measured = [  # (name, value, met?)
        ("action_vs_static_sequential_p50_ratio<=1.1",
         round(single["action@1"]["p50_ms"] / single["static@1"]["p50_ms"], 2), lambda v: v <= 1.1),
        ("stock: action_vs_static_sequential_p50_ratio (for comparison)",
         round(stock["action@1"]["p50_ms"] / stock["static@1"]["p50_ms"], 2), lambda v: True),
        ("action_throughput@20_vs_stock>=3", round(throughput(single) / throughput(stock), 2), lambda v: v >= 3),
        ("turn_60_vs_turn_1<=1.2 (last vs first ten turns)", long["single"]["last_vs_first"], lambda v: v <= 1.2),
        ("stock: turn_60_vs_turn_1 (for comparison)", long["stock"]["last_vs_first"], lambda v: True),
        ("p95_ms_at_20<=150 (action)", single["action@20"]["p95_ms"], lambda v: v <= 150),
    ] + ([] if "open_loop" not in report else [
        (f"open_loop_p95_ms<=250 at {report['open_loop_rate']}/s (half the throughput; locust)",
         report["open_loop"]["single"]["p95_ms"], lambda v: v <= 250),
        ("open_loop_p99_ms (for the record)", report["open_loop"]["single"]["p99_ms"], lambda v: True),
        ("open_loop_errors==0", report["open_loop"]["single"]["errors"], lambda v: v == 0),
        ("stock: open_loop_p95_ms at the same rate (for comparison)", report["open_loop"]["stock"]["p95_ms"],
         lambda v: True),
        ("cluster2_vs_cluster1_throughput>=1.7 (target)",
         round(throughput(report["cluster-2"]) / throughput(report["cluster-1"]), 2) if "cluster-2" in report else 0,
         lambda v: v >= 1.7),
    ]) + [
        ("messages_per_s_one_instance>=70 (action@20)", throughput(single), lambda v: v >= 70),
    ] + ([] if "cluster-2" not in report else [
        ("cluster2_vs_cluster1_throughput>1",
         round(throughput(report["cluster-2"]) / throughput(report["cluster-1"]), 2), lambda v: v > 1),
        ("cluster2_vs_single_throughput", round(throughput(report["cluster-2"]) / throughput(single), 2),
         lambda v: v > 1),
    ]) + [
        ("rasa_ready_s<=30", report["start"]["rasa_ready_s"], lambda v: v <= 30),
        ("understanding_p50_ms<=5 (fact search in an action call)", report["understanding"]["p50_ms"],
         lambda v: v <= 5),
        (f"understanding_long_p50_ms (a message of {LONG_MESSAGE_WORDS}+ words, for comparison)",
         report["understanding_long"]["p50_ms"], lambda v: True),
        ("peak_mb_per_rasa_process<=1536", max(v for k, v in report["memory_mb"].items() if "rasa" in k),
         lambda v: v <= 1536),
    ]
    return {name: {"value": value, "met": bool(met(value))} for name, value, met in measured}


def print_table(report: Dict) -> None:
    print("\n| setup | question | conc. | msgs | errors | p50 ms | p95 ms | max ms | msg/s |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for setup in ("stock", "single", "cluster-1", "cluster-2"):
        for key in report.get(setup, {}):
            row = report[setup][key]
            kind, concurrency = key.split("@")
            print(f"| {setup} | {kind} | {concurrency} | {row['messages']} | {row['errors']} | {row['p50_ms']} | "
                  f"{row['p95_ms']} | {row['max_ms']} | {row['messages_per_s']} |")
    print(f"\nLong conversation: {report['long_conversation']}")
    print(f"\nStart: {report['start']}   Training: {report.get('train_s', 'skipped')} s")
    print(f"Understanding step (in-process): {report['understanding']}; "
          f"long messages ({LONG_MESSAGE_WORDS}+ words, each once): {report['understanding_long']}")
    print(f"Peak memory (MB): {report['memory_mb']}")
    print("\nTargets:")
    for name, result in report["targets"].items():
        print(f"  {'met ' if result['met'] else 'MISS'}  {name}: {result['value']}")


if __name__ == "__main__":
    sys.exit(main())
