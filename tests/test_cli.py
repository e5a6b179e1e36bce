"""The CLI is a thin shell: each command checked through Typer's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from incidents.cli import app

pytestmark = pytest.mark.slow


def test_extract_jsonl_reports_bad_lines_and_goes_on(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps({"id": "a", "text": "A car bomb exploded in Mosul, killing at least 15 people."})
        + "\n"
        + "{broken\n"
        + json.dumps({"id": "b", "text": "قتل شخصان في اشتباكات في حلب", "lang": "ar"})
        + "\n"
        + json.dumps({"id": "c", "text": "The weather in Damascus was mild."})
        + "\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["extract", str(source), "--jsonl"])
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["id"] for line in lines] == ["a", "b", "c"]
    (blast,) = lines[0]["events"]
    assert blast["type"] == "explosion" and blast["place"] == "Mosul" and blast["country"] == "IQ"
    assert blast["killed"] == 15 and blast["injured"] is None
    assert set(blast) == {
        "type",
        "place",
        "country",
        "lat",
        "lon",
        "killed",
        "injured",
        "date",
        "evidence",
        "confidence",
    }
    assert lines[1]["events"][0]["type"] == "armed_clash" and lines[1]["events"][0]["killed"] == 2
    assert lines[2]["events"] == []
    assert f"{source}:2:" in result.stderr


def test_extract_jsonl_answers_the_same_in_batches_and_line_by_line(tmp_path: Path) -> None:
    """A file is finished 32 lines at a time, stdin line by line (``--batch`` sets it):
    the answers, their order and the named bad lines are the same."""
    from incidents.extract.training.corpus import load_corpus

    documents = [g.document for g in load_corpus(splits=("train",))][:70]
    records = [json.dumps({"id": d.key, "text": d.text, "lang": d.lang}) for d in documents]
    records.insert(40, json.dumps({"id": "bad", "text": "x", "lang": "xx"}))
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(records) + "\n", encoding="utf-8")
    runner = CliRunner()
    batched = runner.invoke(app, ["extract", str(source), "--jsonl"])
    single = runner.invoke(app, ["extract", "-", "--jsonl"], input=source.read_text())
    assert batched.exit_code == single.exit_code == 1
    assert batched.stdout == single.stdout
    assert len(batched.stdout.splitlines()) == 70
    assert f"{source}:41:" in batched.stderr and "-:41:" in single.stderr


def test_extract_plain_text_prints_a_table(tmp_path: Path) -> None:
    source = tmp_path / "in.txt"
    source.write_text("Police closed the main highway in Homs after clashes.", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(source)])
    assert result.exit_code == 0
    assert "road_closure" in result.stdout and "Homs" in result.stdout


def test_db_upgrade_and_nightly(tmp_path: Path, corpus: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    runner = CliRunner()
    upgraded = runner.invoke(app, ["db", "upgrade", "--database-url", url])
    assert upgraded.exit_code == 0, upgraded.output
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "good.jsonl").write_text(
        json.dumps({"id": "1", "text": "Gunmen kidnapped two aid workers in Sanaa."}) + "\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["nightly", str(inbox), "--database-url", url])
    assert result.exit_code == 1  # something failed, and the exit code says so
    assert f"{inbox / 'empty.txt'}: file is empty" in result.stderr
    assert "1 new or changed" in result.stdout and "1 failed" in result.stdout


def test_nightly_names_a_missing_input(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    result = CliRunner().invoke(
        app, ["nightly", str(missing), "--database-url", f"sqlite:///{tmp_path}/x.db"]
    )
    assert result.exit_code == 2
    assert f"{missing}: no such file or folder" in result.stderr


def test_evaluate_prints_a_table_and_writes_json(tmp_path: Path, corpus: Path) -> None:
    out = tmp_path / "scores.json"
    result = CliRunner().invoke(app, ["evaluate", "--samples", str(corpus), "--json", str(out)])
    assert result.exit_code == 0, result.output
    assert "explosion" in result.stdout and "killed exact" in result.stdout
    scores = json.loads(out.read_text(encoding="utf-8"))
    assert set(scores["by_lang"]) == {"fa", "ar", "en"}
    assert scores["overall"]["f1"] > 0.5 and isinstance(scores["errors"], list)


def test_evaluate_scores_the_probe_documents(tmp_path: Path) -> None:
    from incidents.extract.training.corpus import load_corpus, load_probe

    probe = load_probe(("en",))
    assert len(probe) == 750 and any(not g.events for g in probe)
    assert not {g.document.key for g in probe} & {g.document.key for g in load_corpus()}
    out = tmp_path / "probe.json"
    result = CliRunner().invoke(
        app, ["evaluate", "--split", "probe", "--lang", "en", "--json", str(out)]
    )
    assert result.exit_code == 0, result.output
    scores = json.loads(out.read_text(encoding="utf-8"))
    assert set(scores["by_lang"]) == {"en"}
    assert scores["negatives_without_event"] is not None


def test_evaluate_names_a_bad_split() -> None:
    result = CliRunner().invoke(app, ["evaluate", "--split", "validation"])
    assert result.exit_code == 2
    assert "--split must be one of train, dev, test" in result.stderr


def test_map_writes_a_static_page_and_its_assets(tmp_path: Path, corpus: Path) -> None:
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    runner = CliRunner()
    assert runner.invoke(app, ["nightly", str(corpus), "--database-url", url]).exit_code == 0
    out = tmp_path / "explosions.html"
    result = runner.invoke(
        app, ["map", "--out", str(out), "--type", "explosion", "--database-url", url]
    )
    assert result.exit_code == 0, result.output
    assert f"wrote {out}" in result.output
    page = out.read_text(encoding="utf-8")
    assert 'src="explosions_files/leaflet/leaflet.js"' in page
    assert (tmp_path / "explosions_files" / "incidents-map.js").is_file()
    assert not (tmp_path / "explosions_files" / "basemap").exists()  # inlined instead
    assert '"type": "explosion"' in page and '"type": "arrest"' not in page


@pytest.mark.parametrize(
    ("arguments", "named"),
    [
        (["--type", "meteor"], "--type meteor"),
        (["--country", "Syria"], "--country"),
        (["--since", "yesterday"], "--since"),
        (["--since", "2025-12-01", "--until", "2025-11-01"], "--since 2025-12-01"),
        (["--out", "map.txt"], "--out"),
    ],
)
def test_map_names_a_bad_option(tmp_path: Path, arguments: list[str], named: str) -> None:
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    out = ["--out", str(tmp_path / "m.html")] if "--out" not in arguments else []
    if "--out" in arguments:
        arguments = ["--out", str(tmp_path / arguments[1])]
        named = f"--out {tmp_path / 'map.txt'}"
    runner = CliRunner()
    assert runner.invoke(app, ["db", "upgrade", "--database-url", url]).exit_code == 0
    result = runner.invoke(app, ["map", *out, *arguments, "--database-url", url])
    assert result.exit_code == 2
    assert named in result.output


def test_extract_jsonl_reads_a_comment_as_one(tmp_path: Path) -> None:
    """An optional "kind": a comment's events are less sure than an article's; a kind
    that is neither is an error naming its line, and the other lines go on."""
    text = "A car bomb exploded in Mosul, killing at least 15 people."
    source = tmp_path / "in.jsonl"
    source.write_text(
        "".join(
            json.dumps(record) + "\n"
            for record in (
                {"id": "a", "text": text},
                {"id": "c", "text": text, "kind": "comment"},
                {"id": "x", "text": text, "kind": "tweet"},
            )
        ),
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["extract", str(source), "--jsonl"])
    lines = {line["id"]: line for line in map(json.loads, result.stdout.splitlines())}
    (article,) = lines["a"]["events"]
    (comment,) = lines["c"]["events"]
    assert comment["confidence"] < article["confidence"]
    assert f"{source}:3: 'kind' must be one of article, comment" in result.stderr
