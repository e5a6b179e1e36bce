"""The ``incidents`` command: a thin shell over the library's functions."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from incidents.config import Settings
from incidents.errors import IncidentsError

if TYPE_CHECKING:
    from incidents.extract.extractor import Extractor

app = typer.Typer(
    help="Extract, store and serve security incidents from fa / ar / en news.",
    no_args_is_help=True,
    add_completion=False,
)
db_app = typer.Typer(help="Database schema (Alembic).", no_args_is_help=True)
app.add_typer(db_app, name="db")

DatabaseOption = Annotated[
    str | None, typer.Option("--database-url", help="Overrides INCIDENTS_DATABASE_URL.")
]


def _settings(database_url: str | None = None) -> Settings:
    return Settings(database_url=database_url) if database_url else Settings()


def _err(message: str) -> None:
    typer.echo(message, err=True)


@db_app.command("upgrade")
def db_upgrade(database_url: DatabaseOption = None, revision: str = "head") -> None:
    """Create or migrate the database to the latest schema."""
    from incidents.store.migrations import upgrade

    settings = _settings(database_url)
    upgrade(settings.database_url, revision)
    typer.echo(f"database at {settings.database_url} is at revision {revision}")


@app.command()
def nightly(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Input folders or files (default: the config's sources, or the corpus)."
        ),
    ] = None,
    config: Annotated[
        Path | None, typer.Option("--config", help="The job's incidents.toml.")
    ] = None,
    workers: Annotated[
        int | None, typer.Option(min=1, help="Extraction processes (default: the cores).")
    ] = None,
    executor: Annotated[
        str | None, typer.Option(help="process (default) or celery (see `incidents worker`).")
    ] = None,
    database_url: DatabaseOption = None,
) -> None:
    """Run the extraction job once: read, extract, geocode, store, merge, refresh the map.

    Exit codes: 0 all went well, 1 some documents failed (they are kept, with their
    reason, and retried next time), 2 bad configuration or input, 3 another run holds
    the lock.
    """
    from incidents.errors import ReaderError
    from incidents.job_config import JobConfig, load_job_config
    from incidents.nightly import EXIT_ALREADY_RUNNING, EXIT_BAD_INPUT, run_nightly, with_overrides
    from incidents.pipeline import corpus_paths
    from incidents.progress import for_stream
    from incidents.run_lock import AlreadyRunning
    from incidents.sources import FolderSource, Source

    settings = _settings(database_url)
    try:
        job = load_job_config(config) if config else None
        if paths or job is None:
            folders: list[Source] = [
                FolderSource(p) for p in corpus_paths(paths or [settings.corpus])
            ]
            job = (
                JobConfig(sources=tuple(folders))
                if job is None
                else replace(job, sources=tuple(folders))
            )
        if database_url:
            job = replace(job, database_url=database_url)
        job = with_overrides(job, workers, executor)
    except (ReaderError, IncidentsError) as exc:
        _err(f"error: {exc}")
        raise typer.Exit(EXIT_BAD_INPUT) from exc
    progress = for_stream(sys.stderr)
    try:
        report = run_nightly(job, settings, on_error=_err, progress=progress)
    except AlreadyRunning as exc:
        _err(f"error: {exc}; this run stops (exit {EXIT_ALREADY_RUNNING})")
        raise typer.Exit(EXIT_ALREADY_RUNNING) from exc
    finally:
        progress.close()
    typer.echo(report.summary())
    if report.failed:
        raise typer.Exit(1)


@app.command()
def schedule(
    config: Annotated[
        Path | None, typer.Option("--config", help="The job's incidents.toml.")
    ] = None,
    cron: Annotated[
        str | None, typer.Option(help='A crontab line in UTC, e.g. "30 2 * * *" (02:30 daily).')
    ] = None,
    every: Annotated[float | None, typer.Option(help="Or a period in seconds.")] = None,
    max_runs: Annotated[int | None, typer.Option(min=1, help="Stop after this many runs.")] = None,
    database_url: DatabaseOption = None,
) -> None:
    """Run the nightly job on a timetable, for machines without cron or systemd."""
    from incidents.job_config import JobConfig, load_job_config
    from incidents.nightly import EXIT_BAD_INPUT, run_nightly
    from incidents.progress import LogLines
    from incidents.run_lock import AlreadyRunning
    from incidents.schedule import make_trigger, run_schedule
    from incidents.sources import FolderSource

    settings = _settings(database_url)
    try:
        trigger = make_trigger(cron, every)
        job = (
            load_job_config(config)
            if config
            else JobConfig(sources=(FolderSource(settings.corpus),))
        )
        if database_url:
            job = replace(job, database_url=database_url)
    except IncidentsError as exc:
        _err(f"error: {exc}")
        raise typer.Exit(EXIT_BAD_INPUT) from exc

    def once() -> None:
        try:
            report = run_nightly(job, settings, on_error=_err, progress=LogLines(sys.stderr))
        except AlreadyRunning as exc:
            _err(f"skipped: {exc}")
            return
        except IncidentsError as exc:
            _err(f"error: {exc}")
            return
        typer.echo(report.summary())

    typer.echo(f"scheduled: {trigger}")
    run_schedule(trigger, once, max_runs)


@app.command()
def worker(
    concurrency: Annotated[
        int, typer.Option(min=1, help="Extraction processes of this worker.")
    ] = 1,
    name: Annotated[str | None, typer.Option(help="Worker name (Celery hostname).")] = None,
) -> None:
    """Run a Celery worker that extracts for `incidents nightly --executor celery`
    (broker: INCIDENTS_CELERY_BROKER_URL)."""
    from incidents.worker import run_worker

    run_worker(_settings(), concurrency, name)


@app.command()
def runs(
    limit: Annotated[int, typer.Option(min=1, help="How many of the latest runs.")] = 20,
    database_url: DatabaseOption = None,
) -> None:
    """List past runs of the nightly job, latest first."""
    from incidents.run_history import format_runs, latest_runs
    from incidents.store.engine import make_engine

    engine = make_engine(_settings(database_url).database_url)
    try:
        typer.echo(format_runs(latest_runs(engine, limit)))
    finally:
        engine.dispose()


@app.command()
def extract(
    path: Annotated[str, typer.Argument(help="A text file, a JSONL file, or - for stdin.")] = "-",
    jsonl: Annotated[bool, typer.Option("--jsonl", help="Read and write JSON Lines.")] = False,
    batch: Annotated[
        int | None,
        typer.Option(
            min=1,
            help="JSON Lines finished together (faster); default 32 for a file, 1 for "
            "stdin, where a caller may wait for each answer.",
        ),
    ] = None,
) -> None:
    """Extract events from text without storing anything."""
    from incidents.extract.jsonl_io import FILE_BATCH, extract_jsonl, extract_plain
    from incidents.runtime import build_extractor

    source = sys.stdin if path == "-" else open(path, encoding="utf-8")  # noqa: SIM115
    with source:
        extractor = build_extractor(_settings())
        if jsonl:
            size = batch or (1 if path == "-" else FILE_BATCH)
            failed = extract_jsonl(extractor, source, sys.stdout, _err, name=path, batch=size)
            if failed:
                raise typer.Exit(1)
        else:
            typer.echo(extract_plain(extractor, source.read()))


@app.command()
def evaluate(
    split: Annotated[
        str,
        typer.Option(
            help="Split of the annotated corpus: train, dev or test; or probe, the "
            "documents written after it to probe it (training/probe/README.md)."
        ),
    ] = "test",
    lang: Annotated[list[str] | None, typer.Option(help="Languages (default: fa, ar, en).")] = None,
    samples: Annotated[
        Path | None,
        typer.Option(help="Score a folder with expected.json instead (e.g. the samples)."),
    ] = None,
    json_out: Annotated[
        Path, typer.Option("--json", help="Where to write the scores and every error as JSON.")
    ] = Path("evaluation.json"),
    geo: Annotated[
        bool,
        typer.Option(
            "--geo", help="Score geocoding in context on the gold place mentions instead."
        ),
    ] = False,
    geo_gold: Annotated[
        Path | None, typer.Option(help="Gold place mentions (default: the shipped gold.jsonl).")
    ] = None,
) -> None:
    """Score the extractor: P / R / F1 per language and type, counts, dates, negatives;
    with --geo, geocoding: exact place and accuracy within 161 km."""
    from incidents.evaluate import evaluate_gold, evaluate_samples, format_table
    from incidents.extract.training.corpus import LANGUAGES, SPLITS, load_corpus, load_probe
    from incidents.runtime import build_extractor

    if split not in (*SPLITS, "probe"):
        _err(f"error: --split must be one of {', '.join(SPLITS)}, probe, not {split!r}")
        raise typer.Exit(2)
    languages = tuple(lang or LANGUAGES)
    if unknown := set(languages) - set(LANGUAGES):
        _err(
            f"error: --lang must be among {', '.join(LANGUAGES)}, not {', '.join(sorted(unknown))}"
        )
        raise typer.Exit(2)
    extractor = build_extractor(_settings())
    if geo:
        _evaluate_geo(extractor, geo_gold, languages, json_out)
        return
    if samples is not None:
        result = evaluate_samples(extractor, samples)
    else:
        gold = load_probe(languages) if split == "probe" else load_corpus(languages, (split,))
        result = evaluate_gold(extractor, gold)
    typer.echo(format_table(result))
    payload = {**result.as_dict(), "errors": result.errors}
    json_out.write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")
    typer.echo(f"scores and errors written to {json_out}")


def _evaluate_geo(
    extractor: Extractor, gold: Path | None, languages: tuple[str, ...], json_out: Path
) -> None:
    from incidents.evaluate_geo import evaluate_geo, format_geo_table, load_gold

    try:
        mentions = [m for m in load_gold(gold) if m.lang in languages]
    except (OSError, IncidentsError) as exc:
        _err(f"error: {exc}")
        raise typer.Exit(1) from exc
    result = evaluate_geo(extractor, mentions)
    typer.echo(format_geo_table(result))
    payload = {**result.as_dict(), "errors": result.errors}
    json_out.write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")
    typer.echo(f"scores and errors written to {json_out}")


@app.command()
def train(
    lang: Annotated[list[str] | None, typer.Option(help="Languages (default: fa, ar, en).")] = None,
    out: Annotated[
        Path | None, typer.Option(help="Where to write the models (default: shipped).")
    ] = None,
    seed: Annotated[int, typer.Option(help="Random seed.")] = 0,
    epochs: Annotated[int, typer.Option(min=1, help="Passes over the training split.")] = 30,
) -> None:
    """Rebuild the sentence classifiers from the annotated corpus (CPU, fixed seed)."""
    from incidents.extract.training.corpus import LANGUAGES
    from incidents.extract.training.train import train_all

    languages = tuple(lang or LANGUAGES)
    if unknown := set(languages) - set(LANGUAGES):
        _err(
            f"error: --lang must be among {', '.join(LANGUAGES)}, not {', '.join(sorted(unknown))}"
        )
        raise typer.Exit(2)
    train_all(languages, out=out, seed=seed, epochs=epochs, log=typer.echo)


@app.command("map")
def map_command(
    out: Annotated[Path, typer.Option("--out", help="The HTML file to write.")],
    event_type: Annotated[
        list[str] | None, typer.Option("--type", help="Event type(s) to show.")
    ] = None,
    country: Annotated[str | None, typer.Option(help="ISO alpha-2 country code.")] = None,
    since: Annotated[str | None, typer.Option(help="Events on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Events on or before YYYY-MM-DD.")] = None,
    title: Annotated[str, typer.Option(help="The page's title.")] = "Incidents",
    database_url: DatabaseOption = None,
) -> None:
    """Write the incident map as a static HTML file that opens with no server."""
    from sqlmodel import Session

    from incidents.store.engine import make_engine
    from incidents.store.filters import parse_filter
    from maps.export import export_map

    settings = _settings(database_url)
    try:
        flt = parse_filter(types=event_type or (), country=country, since=since, until=until)
        engine = make_engine(settings.database_url)
        try:
            with Session(engine) as session:
                done = export_map(
                    session,
                    flt,
                    out,
                    limit=settings.map_limit,
                    title=title,
                    tile_url=settings.map_tile_url,
                    tile_attribution=settings.map_tile_attribution,
                )
        finally:
            engine.dispose()
    except IncidentsError as exc:
        _err(f"error: {exc}")
        raise typer.Exit(2) from exc
    shown = (
        f"{done.incidents:,} of {done.total:,}"
        if done.incidents < done.total
        else f"{done.total:,}"
    )
    typer.echo(f"wrote {done.page} ({shown} incidents) and its assets in {done.assets}/")


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Default: INCIDENTS_HOST.")] = None,
    port: Annotated[int | None, typer.Option(help="Default: INCIDENTS_PORT.")] = None,
    database_url: DatabaseOption = None,
    workers: Annotated[
        int,
        typer.Option(
            min=1,
            help="Server processes (each with its own pool); more than one needs a "
            "database on disk or PostgreSQL.",
        ),
    ] = 1,
) -> None:
    """Serve the API and the map with uvicorn."""
    import os

    import uvicorn

    from api.app import create_app

    settings = _settings(database_url)
    host, port = host or settings.host, port or settings.port
    typer.echo(f"API:  http://{host}:{port}/incidents   docs: http://{host}:{port}/docs")
    typer.echo(f"Map:  http://{host}:{port}/map          (Ctrl-C to stop)")
    if workers == 1:
        uvicorn.run(create_app(settings), host=host, port=port, log_level="info")
        return
    # Worker processes build their own app from the environment.
    os.environ["INCIDENTS_DATABASE_URL"] = settings.database_url
    uvicorn.run(
        "api.main:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="info",
    )


def main() -> None:
    app()


if __name__ == "__main__":
    main()
