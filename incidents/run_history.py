"""Past runs of the nightly job, as the ``runs`` table keeps them."""

from __future__ import annotations

import json

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from incidents.store.models import RunRecord


def latest_runs(engine: Engine, limit: int = 20) -> list[RunRecord]:
    with Session(engine) as session:
        rows = session.exec(select(RunRecord).order_by(col(RunRecord.id).desc()).limit(limit)).all()
        session.expunge_all()
    return list(rows)


def format_runs(runs: list[RunRecord]) -> str:
    """A table: one line per run, then its first error when it has one."""
    if not runs:
        return "no runs yet"
    header = (
        f"{'run':>5}  {'started (UTC)':<19}  {'status':<9}  {'s':>7}  {'read':>6}  {'new':>6}  "
        f"{'skipped':>7}  {'failed':>6}  {'reports':>7}  {'inc.new':>7}  {'inc.upd':>7}"
    )
    lines = [header]
    for run in runs:
        seconds = (run.finished_at - run.started_at).total_seconds() if run.finished_at else None
        lines.append(
            f"{run.id:>5}  {run.started_at:%Y-%m-%d %H:%M:%S}  {run.status:<9}  "
            f"{'' if seconds is None else f'{seconds:.1f}':>7}  {run.documents:>6}  "
            f"{run.new_or_changed:>6}  {run.unchanged + run.duplicates:>7}  {run.failed:>6}  "
            f"{run.reports:>7}  {run.incidents_new:>7}  {run.incidents_updated:>7}"
        )
        if run.seconds:
            stages = json.loads(run.seconds)
            lines.append("       stages: " + ", ".join(f"{k} {v:.1f} s" for k, v in stages.items()))
        if run.errors:
            lines.append(f"       first error: {run.errors.splitlines()[0]}")
    return "\n".join(lines)
