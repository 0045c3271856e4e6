"""Benchmark the status endpoint of ``fehrest serve`` under a bounded local load.

The register is the register bench's synthetic one (1,000,000 events over 200
groups and 200 jurisdictions, built by ``bench_register.synthetic_documents``
and kept in ``build/bench-web/`` between runs). ``fehrest serve`` runs on
127.0.0.1 in a subprocess; 50 concurrent clients (httpx, asyncio) ask
``GET /api/groups/{group}/status?as_of=...`` for random groups and days for
20 seconds. The peer, measured in the same run, is the same question asked of
the library in-process (``status`` + ``status_json`` + JSON encoding, one
thread), so the ratio is what HTTP, the ASGI stack and concurrency cost.
Only loopback is ever addressed; the load stops by itself.

    .venv/bin/python bench/bench_web.py [--events N] [--clients 50] [--seconds 20]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_register import GROUPS, synthetic_documents
from fehrest.register import Register, status
from fehrest.register.report import status_json

REPO = Path(__file__).resolve().parents[1]
BUILD = REPO / "build" / "bench-web"


def _holds(path: Path, events: int) -> bool:
    if not path.exists():
        return False
    with Register.open(path) as reg:
        return int(reg.db.query("SELECT COUNT(*) FROM events")[0][0]) == events


def build_register(events: int) -> Path:
    """The synthetic register: the register bench's (same generator, same seed) or our own
    from a previous run when either holds that many events; else built now."""
    path = BUILD / f"register-{events}.sqlite"
    for candidate in (path, REPO / "build" / "bench-register" / "register.sqlite"):
        if _holds(candidate, events):
            return candidate
    path.unlink(missing_ok=True)
    BUILD.mkdir(parents=True, exist_ok=True)
    print(f"building a register of {events:,} events …", file=sys.stderr, flush=True)
    start = time.perf_counter()
    with Register.open(path) as reg:
        for batch in synthetic_documents(events):
            reg.store_documents(batch)
    print(f"built in {time.perf_counter() - start:.0f} s", file=sys.stderr, flush=True)
    return path


def queries(n: int, seed: int = 11) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    return [(f"grp-{rng.randrange(GROUPS):03d}", f"{rng.randint(1995, 2025)}-06-30") for _ in range(n)]


def p95(timings: list[float]) -> float:
    ordered = sorted(timings)
    return ordered[max(0, int(0.95 * len(ordered)) - 1)]


def measure_library(path: Path, seconds: float) -> tuple[float, float, float, int]:
    """In-process: (answers/s, p50 ms, p95 ms, mean bytes) for the same questions."""
    timings: list[float] = []
    sizes: list[int] = []
    with Register.open(path) as reg:
        deadline = time.perf_counter() + seconds
        for group, as_of in queries(100_000):
            start = time.perf_counter()
            body = json.dumps(status_json(status(reg, group, as_of)), ensure_ascii=False).encode()
            timings.append(time.perf_counter() - start)
            sizes.append(len(body))
            if time.perf_counter() > deadline:
                break
    total = sum(timings)
    return (
        len(timings) / total,
        statistics.median(timings) * 1000,
        p95(timings) * 1000,
        int(statistics.mean(sizes)),
    )


async def load(base: str, clients: int, seconds: float) -> tuple[int, int, list[float]]:
    """``clients`` loops asking status until the deadline: (ok, errors, latencies in s)."""
    todo = queries(1_000_000, seed=5)
    latencies: list[float] = []
    errors = 0
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        deadline = time.perf_counter() + seconds

        async def worker(offset: int) -> None:
            nonlocal errors
            i = offset
            while time.perf_counter() < deadline and i < len(todo):
                group, as_of = todo[i]
                i += clients
                start = time.perf_counter()
                response = await client.get(f"/api/groups/{group}/status", params={"as_of": as_of})
                if response.status_code == 200:
                    latencies.append(time.perf_counter() - start)
                else:
                    errors += 1

        await asyncio.gather(*(worker(k) for k in range(clients)))
    return len(latencies), errors, latencies


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def serve(path: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    fehrest = REPO / ".venv" / "bin" / "fehrest"
    command = [str(fehrest), "serve", "--db", str(path), "--host", "127.0.0.1", "--port", str(port)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            with urllib.request.urlopen(f"{base}/api/health", timeout=2):
                return process, base
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("fehrest serve did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20.0)
    args = parser.parse_args()
    path = build_register(args.events)
    lib_rate, lib_p50, lib_p95, size = measure_library(path, min(args.seconds, 10.0))
    process, base = serve(path)
    try:
        started = time.perf_counter()
        done, errors, latencies = asyncio.run(load(base, args.clients, args.seconds))
        elapsed = time.perf_counter() - started
    finally:
        process.terminate()
        process.wait(timeout=10)
    rate = done / elapsed
    http_p50 = statistics.median(latencies) * 1000 if latencies else float("nan")
    http_p95 = p95(latencies) * 1000 if latencies else float("nan")
    print(
        f"\nweb: GET /api/groups/{{group}}/status?as_of=… on a register of {args.events:,} events "
        f"({GROUPS} groups), mean answer {size / 1024:.0f} KiB"
    )
    print(f"{'how':<34} {'clients':>7} {'req/s':>8} {'ratio':>6} {'p50 ms':>8} {'p95 ms':>8} {'errors':>6}")
    peer = "library in-process (peer)"
    print(f"{peer:<34} {1:>7} {lib_rate:>8.1f} {1.0:>6.2f} {lib_p50:>8.1f} {lib_p95:>8.1f} {0:>6}")
    print(
        f"{'fehrest serve over HTTP':<34} {args.clients:>7} {rate:>8.1f} {rate / lib_rate:>6.2f} "
        f"{http_p50:>8.1f} {http_p95:>8.1f} {errors:>6}"
    )
    print(
        f"load: {args.clients} clients for {args.seconds:.0f} s on 127.0.0.1; "
        "the server and the clients share the machine's 2 cores"
    )


if __name__ == "__main__":
    main()
