"""``incidents schedule``: run the nightly job on a timetable without cron
(APScheduler, in the foreground; one run at a time, missed runs coalesced)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from incidents.errors import ConfigurationError


def make_trigger(cron: str | None, every: float | None) -> BaseTrigger:
    """A crontab line (UTC), or a period in seconds; exactly one."""
    if (cron is None) == (every is None):
        raise ConfigurationError("give exactly one of --cron and --every")
    if every is not None:
        if every <= 0:
            raise ConfigurationError(f"--every {every}: give a positive number of seconds")
        return IntervalTrigger(seconds=every, timezone="UTC")
    assert cron is not None
    try:
        return CronTrigger.from_crontab(cron, timezone="UTC")
    except ValueError as exc:
        raise ConfigurationError(f"--cron {cron!r}: {exc}") from None


def run_schedule(trigger: BaseTrigger, job: Callable[[], None], max_runs: int | None = None) -> int:
    """Call ``job`` on ``trigger`` until stopped (Ctrl-C, SIGTERM) or after
    ``max_runs`` runs; return the number of runs."""
    scheduler = BlockingScheduler(timezone="UTC")
    runs = 0

    def tick() -> None:
        nonlocal runs
        try:
            job()
        finally:
            runs += 1
            if max_runs is not None and runs >= max_runs:
                scheduler.shutdown(wait=False)

    scheduler.add_job(tick, trigger, max_instances=1, coalesce=True, misfire_grace_time=3600)
    with contextlib.suppress(KeyboardInterrupt, SystemExit):
        scheduler.start()
    return runs
