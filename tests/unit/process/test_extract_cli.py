"""The ``veille extract`` contract: JSON lines in, one JSON line out per valid line, errors on stderr."""

from __future__ import annotations

import io
import json

from process.extract_cli import run_extract

GOOD = {
    "id": "a1",
    "title": "Putin and Kim sign treaty",
    "summary": "Russia and North Korea signed a partnership pact in Pyongyang.",
    "lang": "en",
    "published": "2024-06-19T08:00:00Z",
}


def run(config, lines: list[str]) -> tuple[int, list[dict], list[str]]:
    stdout, stderr = io.StringIO(), io.StringIO()
    code = run_extract(config, io.StringIO("\n".join(lines) + "\n"), stdout, stderr)
    return code, [json.loads(line) for line in stdout.getvalue().splitlines()], stderr.getvalue().splitlines()


def test_a_valid_line_yields_entities_events_and_offsets(lexicon_config):
    code, out, errors = run(lexicon_config, [json.dumps(GOOD)])
    assert (code, errors) == (0, [])
    (line,) = out
    assert set(line) == {"id", "lang", "entities", "events", "retractions"}
    assert (line["id"], line["lang"]) == ("a1", "en")
    text = GOOD["title"] + "\n\n" + GOOD["summary"]
    assert all(text[e["start"] : e["end"]] == e["text"] for e in line["entities"])
    # the signing in Pyongyang is also a visit (a text signed together in a watched place)
    (event,) = [e for e in line["events"] if e["type"] == "agreement"]
    assert {k: event[k] for k in ("type", "actors", "stage", "evidence")} == {
        "type": "agreement",
        "actors": ["PRK", "RUS"],
        "stage": "signed",
        "evidence": "Putin and Kim sign treaty",
    }


def test_malformed_lines_are_reported_by_number_and_the_others_still_go_through(lexicon_config):
    lines = [
        json.dumps(GOOD),
        "{not json",
        json.dumps({"id": "x", "title": "no summary"}),
        json.dumps(["a", "list"]),
        json.dumps({**GOOD, "id": "a2", "published": "yesterday"}),
        json.dumps({**GOOD, "id": 7}),
        json.dumps({**GOOD, "id": "a3", "extra": "ignored"}),
    ]
    code, out, errors = run(lexicon_config, lines)
    assert code == 1
    assert [o["id"] for o in out] == ["a1", "a3"]
    assert [e.split(":")[0] for e in errors] == ["line 2", "line 3", "line 4", "line 5", "line 6"]
    assert "missing field 'summary'" in errors[1]
    assert "published" in errors[3]
    assert all("Traceback" not in e for e in errors)


def test_output_order_follows_input_order_across_batches(lexicon_config):
    lines = [json.dumps({**GOOD, "id": f"n{i}"}) for i in range(150)]
    code, out, _ = run(lexicon_config, lines)
    assert code == 0
    assert [o["id"] for o in out] == [f"n{i}" for i in range(150)]


def test_blank_lines_are_skipped_without_error(lexicon_config):
    code, out, errors = run(lexicon_config, ["", json.dumps(GOOD), "   "])
    assert (code, len(out), errors) == (0, 1, [])


def test_a_2mb_summary_is_bounded_and_keeps_the_headline_and_lead(lexicon_config):
    huge = {**GOOD, "id": "huge", "summary": GOOD["summary"] + " Filler words go on." * 110_000}
    assert len(json.dumps(huge)) > 2_000_000
    code, out, errors = run(lexicon_config, [json.dumps(huge), json.dumps(GOOD)])
    assert (code, errors) == (0, [])
    assert [o["id"] for o in out] == ["huge", "a1"]
    assert out[0]["events"] == out[1]["events"]  # the headline and lead were analysed
    assert {e["id"] for e in out[0]["entities"]} == {"RUS", "PRK"}


def test_a_field_too_long_for_the_contract_is_one_error_line(lexicon_config):
    code, out, errors = run(lexicon_config, [json.dumps({**GOOD, "id": "x" * 500}), json.dumps(GOOD)])
    assert code == 1
    assert [o["id"] for o in out] == ["a1"]
    assert len(errors) == 1 and errors[0].startswith("line 1: field 'id'")
