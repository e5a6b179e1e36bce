"""How a run shows its progress: a rich progress bar on a terminal, otherwise one
structured (JSON) log line per stage, for cron mail and journald."""

from __future__ import annotations

import json
import sys
import time
from typing import IO, Any

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from incidents.pipeline import RunReport


class LogLines:
    """``{"stage": ..., ...}`` on ``stream`` when each stage ends, and a summary."""

    def __init__(self, stream: IO[str] | None = None) -> None:
        self.stream = stream or sys.stderr
        self.started = time.perf_counter()

    def advance(self, report: RunReport) -> None:
        pass

    def stage(self, name: str, report: RunReport, **fields: object) -> None:
        line: dict[str, Any] = {"stage": name, "run": report.run_id}
        line.update(fields)
        line["seconds"] = round(report.seconds.get(name, 0.0), 3)
        self.stream.write(json.dumps(line, ensure_ascii=False) + "\n")
        self.stream.flush()

    def close(self) -> None:
        pass


class Bar:
    """A live bar of documents read, stored, skipped and failed (rich)."""

    def __init__(self, console: Console | None = None) -> None:
        self.console = console or Console(stderr=True)
        self.progress = Progress(
            SpinnerColumn(),
            TextColumn("[bold]nightly[/]"),
            BarColumn(bar_width=None),
            TextColumn("{task.fields[counts]}"),
            TimeElapsedColumn(),
            console=self.console,
            transient=False,
        )
        self.task = self.progress.add_task("run", total=None, counts="starting")
        self.progress.start()

    def advance(self, report: RunReport) -> None:
        self.progress.update(self.task, counts=_counts(report))

    def stage(self, name: str, report: RunReport, **fields: object) -> None:
        self.progress.update(self.task, counts=_counts(report))
        details = ", ".join(f"{k} {v}" for k, v in fields.items())
        seconds = report.seconds.get(name, 0.0)
        self.console.log(f"{name}: {details}{', ' if details else ''}{seconds:.1f} s")

    def close(self) -> None:
        self.progress.stop()


def _counts(report: RunReport) -> str:
    return (
        f"{report.documents} read, {report.new_or_changed} stored, "
        f"{report.unchanged + report.duplicates} skipped, {report.failed} failed"
    )


def for_stream(stream: IO[str] | None = None) -> LogLines | Bar:
    """A bar when ``stream`` (stderr) is a terminal, log lines otherwise."""
    stream = stream or sys.stderr
    return Bar() if stream.isatty() else LogLines(stream)
