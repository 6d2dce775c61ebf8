"""Reading PostgreSQL's EXPLAIN (FORMAT JSON) plans in tests."""

from collections.abc import Iterator


def plan_nodes(plan: dict) -> Iterator[dict]:
    """A plan node and every node under it, depth first."""
    yield plan
    for child in plan.get("Plans", []):
        yield from plan_nodes(child)
