"""Measurements: benchmarks (bench_*) and evaluations (eval_*) of the assistant, run by `make bench` and `make eval`.

Each module runs as `python -m measure.NAME`; they start the real servers through the test harness
(tests/support) and write their reports under results/.
"""
