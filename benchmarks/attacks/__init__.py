"""The attacks of `python -m benchmarks.audit`, one module per class of attack.

Each attack is a function taking the audit's `Target` (the running server, the
personas, the objects to aim at) and a `Tally` it fills: one attempt per thing
tried, one failure per unexpected outcome, with a line saying what it was.
"""
