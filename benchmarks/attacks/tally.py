"""Counting an attack's attempts and unexpected outcomes, and the audit's table."""

from __future__ import annotations

from dataclasses import dataclass, field

# How many failure lines a row keeps (the count is always exact).
KEPT_EXAMPLES = 8


@dataclass
class Tally:
    """One row of the audit: what was tried, how often, and what went wrong."""

    attack: str
    expected: str
    attempts: int = 0
    failures: int = 0
    examples: list[str] = field(default_factory=list)
    every_failure: list[str] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)

    def check(self, ok: bool, what: str) -> bool:
        """Count one attempt; a failure when `ok` is false, remembered as `what`."""
        self.attempts += 1
        if not ok:
            self.failures += 1
            self.every_failure.append(what)
            if len(self.examples) < KEPT_EXAMPLES:
                self.examples.append(what)
        return ok

    def note(self, fact: str) -> None:
        """A measured fact shown under the table (how many cells were read, …)."""
        self.facts.append(fact)

    @property
    def verdict(self) -> str:
        if self.attempts == 0:
            return "NOT RUN"
        return "ok" if self.failures == 0 else "FAILED"


def table(tallies: list[Tally]) -> str:
    """The audit's table as Markdown, then each row's facts and failures."""
    lines = [
        "| attack | attempts | unexpected | verdict | expected of every attempt |",
        "|---|---:|---:|---|---|",
    ]
    for t in tallies:
        lines.append(
            f"| {t.attack} | {t.attempts:,} | {t.failures:,} | {t.verdict} | {t.expected} |"
        )
    total_attempts = sum(t.attempts for t in tallies)
    total_failures = sum(t.failures for t in tallies)
    lines.append(
        f"| **all** | {total_attempts:,} | {total_failures:,} | "
        f"{'ok' if total_failures == 0 and all(t.attempts for t in tallies) else 'FAILED'} | |"
    )
    for t in tallies:
        if t.facts or t.examples:
            lines.append("")
            lines.append(f"{t.attack}:")
            lines.extend(f"  - {fact}" for fact in t.facts)
            lines.extend(f"  - UNEXPECTED: {example}" for example in t.examples)
            if t.failures > len(t.examples):
                lines.append(f"  - … and {t.failures - len(t.examples)} more")
    return "\n".join(lines)


def passed(tallies: list[Tally]) -> bool:
    return all(t.attempts > 0 and t.failures == 0 for t in tallies)
