"""The config loader: includes, ${VAR}, relative paths, and one line per problem naming the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from veille.cli import main
from veille.config import load_config
from veille.errors import ConfigError


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_relative_paths_resolve_against_the_folder_of_the_file_that_holds_them(tmp_path):
    _write(tmp_path / "shared" / "feeds.yaml", "feeds:\n  - {id: b, url: feeds/b.xml}\n")
    main_file = _write(
        tmp_path / "conf" / "main.yaml",
        "include: [../shared/feeds.yaml]\ndata_dir: state\nfeeds:\n  - {id: a, url: a.xml}\n"
        "  - {id: c, url: 'https://example.org/rss'}\n",
    )
    config = load_config(main_file, environ={})
    urls = {feed.id: feed.url for feed in config.feeds}
    assert urls == {
        "a": str(tmp_path / "conf" / "a.xml"),
        "b": str(tmp_path / "shared" / "feeds" / "b.xml"),
        "c": "https://example.org/rss",
    }
    assert config.data_dir == tmp_path / "conf" / "state"
    assert config.store_url == f"sqlite:///{tmp_path / 'conf' / 'state' / 'veille.db'}"


def test_environment_variables_fill_secrets_and_defaults(tmp_path):
    path = _write(
        tmp_path / "c.yaml",
        "store: {url: 'postgresql+psycopg://u:${PGPASS}@db/veille'}\nkafka: {topic_prefix: '${PREFIX:-news}'}\n",
    )
    config = load_config(path, environ={"PGPASS": "s3cret"})
    assert config.store_url == "postgresql+psycopg://u:s3cret@db/veille"
    assert config.kafka.topic_prefix == "news"
    assert "s3cret" not in repr(config.store)  # secrets never reach logs through repr


def test_a_missing_environment_variable_is_named_with_its_field(tmp_path):
    path = _write(tmp_path / "c.yaml", "store: {url: '${DB_URL}'}\n")
    with pytest.raises(ConfigError) as caught:
        load_config(path, environ={})
    assert caught.value.problems == ["store.url: environment variable DB_URL is not set"]


def test_veille_data_dir_overrides_the_config(tmp_path):
    path = _write(tmp_path / "c.yaml", "data_dir: here\n")
    config = load_config(path, environ={"VEILLE_DATA_DIR": str(tmp_path / "elsewhere")})
    assert config.data_dir == tmp_path / "elsewhere"


def test_every_problem_is_one_line_naming_the_field_path(tmp_path):
    path = _write(
        tmp_path / "c.yaml",
        "feeds:\n  - {id: a, url: a.xml, interval: often}\n  - {id: a, url: b.xml, colour: red}\n"
        "kafka: {partitions: 0}\n",
    )
    with pytest.raises(ConfigError) as caught:
        load_config(path, environ={})
    problems = caught.value.problems
    assert any(p.startswith("feeds.0.interval: ") and "'often' is not a duration" in p for p in problems)
    assert any(p.startswith("feeds.1.colour: ") for p in problems)
    assert any(p.startswith("kafka.partitions: ") for p in problems)
    assert all("\n" not in p for p in problems)


def test_duplicate_ids_are_reported_after_the_fields_are_valid(tmp_path):
    path = _write(tmp_path / "c.yaml", "feeds:\n  - {id: a, url: a.xml}\n  - {id: a, url: b.xml}\n")
    with pytest.raises(ConfigError) as caught:
        load_config(path, environ={})
    assert caught.value.problems == ["feeds.1.id: duplicate id 'a'"]


def test_invalid_yaml_names_the_file_line_and_column(tmp_path):
    path = _write(tmp_path / "c.yaml", "feeds:\n  - {id: a, url: [\n")
    with pytest.raises(ConfigError) as caught:
        load_config(path, environ={})
    (problem,) = caught.value.problems
    assert problem.startswith(f"{path}:") and "invalid YAML" in problem


def test_yaml_tags_cannot_construct_objects(tmp_path):
    path = _write(tmp_path / "c.yaml", "data_dir: !!python/object/apply:os.getcwd []\n")
    with pytest.raises(ConfigError) as caught:
        load_config(path, environ={})
    assert "invalid YAML" in caught.value.problems[0]


def test_config_check_exits_2_with_one_line_per_problem(tmp_path, capsys):
    path = _write(tmp_path / "c.yaml", "kafka: {partitions: -1}\nmetrics: {ingest_port: 99999}\n")
    assert main(["config", "check", str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2
    assert err[0].startswith("config: kafka.partitions: ")
    assert err[1].startswith("config: metrics.ingest_port: ")


def test_config_check_accepts_the_example_config(capsys):
    example = Path(__file__).resolve().parents[3] / "config" / "veille.example.yaml"
    assert main(["config", "check", str(example)]) == 0
    out = capsys.readouterr().out
    assert "ok — 1 feeds, 2 watched entities (+" in out  # RUS and PRK; the rest are context countries


def test_one_run_reports_schema_errors_and_every_cross_reference_problem_together(tmp_path, capsys):
    path = _write(
        tmp_path / "c.yaml",
        "feeds:\n  - {id: a, url: a.xml, interval: often}\n  - {id: a, url: b.xml}\n"
        "watchlist:\n  - {id: RUS, names: {en: [Russia]}}\n"
        "events:\n  - {type: agreement, triggers: {en: [sign]}, default_stage: signed}\n"
        "receivers:\n  - {name: console, type: console}\n"
        "rules:\n  - {name: r1, type: any, event_type: visit, actors: [RUS, XXX], receivers: [console, pager]}\n"
        "kafka: {partitions: 0}\n",
    )
    assert main(["config", "check", str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert all(line.startswith("config: ") for line in err)
    problems = {line.removeprefix("config: ").split(":")[0] for line in err}
    assert problems == {
        "feeds.0.interval",
        "kafka.partitions",
        "feeds.1.id",
        "rules.0.event_type",
        "rules.0.actors",
        "rules.0.receivers",
    }, err
    assert "config: rules.0.receivers: no receiver named 'pager'" in err
    assert "config: rules.0.actors: 'XXX' is not a watched entity id" in err


def test_config_check_names_invalid_secret_fields_without_printing_their_values(tmp_path, capsys):
    secret = "SENTINELsecret"
    path = _write(
        tmp_path / "c.yaml",
        "receivers:\n"
        "  - {name: hook, type: webhook, url: 'ftp://x/${S}', secret: '${S}', headers: {'Bad Header': '${S}'}}\n"
        "  - {name: mail, type: email, host: h, security: none, username: u, password: '${S}', sender: a@b, to: [c]}\n"
        "  - {name: slack, type: slack, webhook_url: '${S}', token: '${S}'}\n"
        "store: {url: 42}\n"
        "kafka: {bootstrap_servers: [k:1], security_protocol: SASL_SSL, sasl_password: '${S}'}\n",
    )
    with pytest.raises(ConfigError) as caught:
        load_config(path, environ={"S": secret})
    assert len(caught.value.problems) >= 5
    assert not [p for p in caught.value.problems if secret in p]


def test_unset_variables_are_reported_with_the_schema_errors_and_each_field_once(tmp_path):
    path = _write(
        tmp_path / "c.yaml",
        "receivers:\n  - {name: hook, type: webhook, url: '${HOOK_URL}'}\nkafka: {partitions: 0}\n"
        "store: {url: '${DB_URL}'}\n",
    )
    with pytest.raises(ConfigError) as caught:
        load_config(path, environ={})
    assert sorted(caught.value.problems) == [
        "kafka.partitions: Input should be greater than or equal to 1",
        "receivers.0.url: environment variable HOOK_URL is not set",
        "store.url: environment variable DB_URL is not set",
    ]


def test_supported_by_must_name_known_entities_but_fronts_may_name_unwatched_states(tmp_path, capsys):
    path = _write(
        tmp_path / "veille.yaml",
        "watchlist:\n"
        "  - {id: PRK, names: {en: [North Korea, ~=North]}, supported_by: [KORR]}\n"
        "  - {id: RUS, names: {en: [Russia]}}\n"
        "  - {id: UKR, watch: false, names: {en: [Ukraine]}}\n"
        "events:\n"
        "  - type: arms_transfer\n"
        "    directed: true\n"
        "    fronts: {UKRR: RUS, UKR: USA}\n"
        "    triggers: {en: [shells]}\n"
        "    stages: [{name: reported, cues: {en: [sent]}}]\n",
    )
    assert main(["config", "check", str(path)]) == 2
    err = capsys.readouterr().err
    assert "config: watchlist.0.supported_by: no entity 'KORR' in the watchlist" in err
    assert "fronts" not in err  # the shipped lexicon's fronts must not break a config watching other states


def test_places_must_belong_to_a_watchlist_entity(tmp_path, capsys):
    path = _write(
        tmp_path / "veille.yaml",
        "watchlist:\n"
        "  - {id: RUS, names: {en: [Russia]}}\n"
        "places:\n"
        "  - {id: RUS, names: {en: [=Omsk]}}\n"
        "  - {id: RUSS, names: {en: [=Tomsk]}}\n",
    )
    assert main(["config", "check", str(path)]) == 2
    err = capsys.readouterr().err
    assert "config: places.1.id: no entity 'RUSS' in the watchlist" in err
    assert "places.0" not in err
