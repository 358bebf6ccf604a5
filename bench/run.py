"""Run every benchmark and rewrite docs/benchmarks.md (``make bench``)."""

from __future__ import annotations

from bench import decision, fixed_point, shipments


def main() -> None:
    print("fixed point:", fixed_point.main())
    print("decision:", decision.main())
    print("shipments:", shipments.main())


if __name__ == "__main__":
    main()
