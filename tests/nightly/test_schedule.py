"""``incidents schedule`` runs the job on a timetable; bad timetables are named."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from incidents.cli import app
from incidents.errors import ConfigurationError
from incidents.schedule import make_trigger, run_schedule
from tests.nightly.helpers import write_inbox


def test_a_schedule_runs_the_job_and_stops_after_max_runs(tmp_path: Path) -> None:
    inbox = write_inbox(tmp_path / "inbox", 1)
    config = tmp_path / "incidents.toml"
    config.write_text(f'workers = 1\n[[source]]\nfolder = "{inbox}"\n', encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    result = CliRunner().invoke(
        app,
        ["schedule", "--config", str(config), "--every", "0.5", "--max-runs", "2",
         "--database-url", url],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    summaries = [line for line in result.stdout.splitlines() if "documents read" in line]
    assert len(summaries) == 2
    assert "0 unchanged" in summaries[0] and "0 new or changed" in summaries[1]
    runs = CliRunner().invoke(app, ["runs", "--database-url", url])
    assert runs.stdout.count("succeeded") == 2


def test_a_failing_run_does_not_stop_the_schedule() -> None:
    calls: list[int] = []

    def job() -> None:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("the first run fails")

    assert run_schedule(make_trigger(None, 0.1), job, max_runs=2) == 2
    assert len(calls) == 2


@pytest.mark.parametrize(
    ("cron", "every", "named"),
    [
        (None, None, "exactly one"),
        ("* * * * *", 5.0, "exactly one"),
        ("61 * * * *", None, "--cron"),
        (None, -1.0, "--every"),
    ],
)
def test_bad_timetables_are_named(cron: str | None, every: float | None, named: str) -> None:
    with pytest.raises(ConfigurationError, match=named):
        make_trigger(cron, every)
