"""Run every performance benchmark and print the figures for BENCHMARKS.md.

    python bench/run_all.py            # cold, incremental, batch, service (~3 minutes)
    python bench/run_all.py --quick    # fewer repeats, 10 s of service load
"""
from __future__ import annotations

import argparse

import bench_batch
import bench_cold
import bench_incremental
import bench_service
from _common import FIXTURE, REAL_CORPUS, REPO, machine


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args(argv)
    print(f"machine: {machine()}")
    bench_cold.run(FIXTURE, 7 if args.quick else 15)
    bench_incremental.run(FIXTURE, 5 if args.quick else 15)
    bench_batch.run(REAL_CORPUS, 1 if args.quick else 3)
    bench_service.run(4, 10 if args.quick else 30, 2)
    bench_service.run(4, 10 if args.quick else 30, 2, REPO / "bench" / "gunicorn_prefork_warmup.py")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
