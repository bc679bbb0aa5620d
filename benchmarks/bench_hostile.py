"""Hostile inputs that once made a scan quadratic: CPU seconds of analyze on each at two
sizes, and the ratio (about 2 when the work is linear in the input, 4 when quadratic).

    python benchmarks/bench_hostile.py [--size N]
"""

from __future__ import annotations

import argparse
import resource
from collections.abc import Callable

import unionnlp

CASES: dict[str, Callable[[int], str]] = {
    "'1,' repeated": lambda n: "1," * (n // 2),
    "comma-separated IDs": lambda n: ",".join(str(100_000 + i) for i in range(n // 7)),
    "'一' repeated": lambda n: "一" * n,
    "'十二万三千' repeated": lambda n: "十二万三千" * (n // 5),
    "digits": lambda n: "1" * n,
    "'5%' repeated": lambda n: "5%" * (n // 2),
    "'>' comparisons": lambda n: "收入>5000元，" * (n // 9),
    "numbered parts on one line": lambda n: "。 1、" * (n // 4),
    "short headlines on one line": lambda n: ("一、短" + "1. 短" * 3) * (n // 15),
    "spaced sentences, 1 line": lambda n: "工会帮扶职工。 " * (n // 8),
    "figures with a tab, 1 line": lambda n: "共有会员12万人，\t" * (n // 10),
    "a chain of ranges": lambda n: "300元~" * (n // 5),
    "figures beside amounts after $": lambda n: "共有会员12万人，$5，" * (n // 11),
    "thousands apart by spaces": lambda n: "1 000 " * (n // 6),
    "negative figures": lambda n: "增长-2%，" * (n // 6),
    "full stops in an open quote": lambda n: "“工会活动.随后" * (n // 7),
}


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=40_000, help="characters (default 40000)")
    args = parser.parse_args(argv)
    unionnlp.analyze("工会帮扶困难职工56户。")
    print(f"{'input':<26} {args.size:>8,} chars  {2 * args.size:>8,} chars   ratio")
    for name, make in CASES.items():
        times = []
        for size in (args.size, 2 * args.size):
            text = make(size)
            start = _cpu()
            unionnlp.analyze(text)
            times.append(_cpu() - start)
        print(f"{name:<26} {times[0]:>12.2f} s {times[1]:>12.2f} s   {times[1] / max(times[0], 1e-9):5.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
