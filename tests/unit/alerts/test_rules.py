"""Rule configs and the pure parts of rules: validation, matching, grouping, counting independent reports."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from pydantic import TypeAdapter, ValidationError

from alerts.rules import RULE_TYPES, Report, build_rule
from alerts.rules.base import clean_fingerprint, count_independent, stage_rank
from veille.config.rules import RuleConfig
from veille.contracts import ArticleRef, Detection, EntityMention, Event

T0 = datetime(2024, 6, 18, 8, 0, tzinfo=UTC)
RULES = TypeAdapter(RuleConfig)


def rule_config(**fields):
    return RULES.validate_python({"name": "r", "type": "threshold", "event_type": "agreement", **fields})


def detection(source="Reuters", lang="fr", tags=(), stage="announced", actors=("PRK", "RUS")) -> Detection:
    article = ArticleRef(id="a1", feed_id="f", source=source, lang=lang, fetched_at=T0, published=T0, tags=tags)
    return Detection(
        article=article,
        lang=lang,
        entities=tuple(EntityMention(id=a, text=a, start=0, end=1) for a in actors),
        events=(Event(type="agreement", actors=actors, stage=stage),),
        processed_at=T0,
    )


def report(article_id: str, source: str, minutes: int, fingerprint: str | None = None) -> Report:
    return Report(article_id, source, T0 + timedelta(minutes=minutes), fingerprint)


def test_every_rule_type_in_the_config_union_has_an_implementation():
    for type_ in ("any", "threshold", "first_seen", "spike", "flatline"):
        built = build_rule(RULES.validate_python({"name": "r", "type": type_, "event_type": "agreement"}))
        assert isinstance(built, RULE_TYPES[type_])


def test_rule_config_errors_name_the_rule_type_and_field():
    with pytest.raises(ValidationError) as caught:
        rule_config(min_count=0, windw="6h")
    locations = sorted(".".join(map(str, e["loc"])) for e in caught.value.errors())
    assert locations == ["threshold.min_count", "threshold.windw"]


def test_durations_are_read_from_config_strings():
    config = rule_config(window="90m", realert="1d", max_age="48h")
    assert (config.window, config.realert, config.max_age) == (
        timedelta(minutes=90),
        timedelta(days=1),
        timedelta(hours=48),
    )


def test_group_by_refuses_a_repeated_field():
    with pytest.raises(ValidationError, match="listed twice"):
        rule_config(group_by=["actors", "actors"])


def test_an_unknown_stage_filter_is_refused():
    with pytest.raises(ValidationError):
        rule_config(stages=["rumoured"])


def test_actors_match_when_the_rule_s_actors_are_all_parties():
    rule = build_rule(rule_config(actors=["RUS"]))
    assert rule.matches(detection(), detection().events[0])
    other = detection(actors=("RUS", "VNM"))
    assert rule.matches(other, other.events[0])
    strict = build_rule(rule_config(actors=["RUS", "PRK"]))
    assert not strict.matches(other, other.events[0])


def test_retractions_match_whatever_the_stage_filter():
    rule = build_rule(rule_config(stages=["signed"]))
    denial = detection(stage=None)
    assert not rule.matches(denial, denial.events[0])
    assert rule.matches(denial, denial.events[0], any_stage=True)


def test_the_group_key_follows_group_by_and_the_lineage_leaves_the_stage_out():
    rule = build_rule(rule_config())
    announced = rule.group_of(detection(), detection().events[0])
    signed_detection = detection(stage="signed")
    signed = rule.group_of(signed_detection, signed_detection.events[0])
    assert announced.key != signed.key and announced.lineage == signed.lineage
    by_source = build_rule(rule_config(group_by=["source"]))
    group = by_source.group_of(detection(), detection().events[0])
    assert (group.key, group.stage, group.actors) == ('{"source": "Reuters"}', None, ())


def test_counting_distinct_outlets_or_articles():
    reports = [report("a1", "Reuters", 0), report("a2", "Reuters", 1), report("a3", "AFP", 2)]
    assert count_independent(reports, "sources", None) == 2
    assert count_independent(reports, "articles", None) == 3


def test_syndicated_copies_count_once_credited_to_the_first_outlet():
    wire = "f0f0f0f0f0f0f0f0"
    reports = [
        report("a1", "AFP", 0, wire),
        report("a2", "Le Monde", 5, "f0f0f0f0f0f0f0f1"),
        report("a3", "Le Figaro", 6, "f0f0f0f0f0f0f0f3"),
        report("a4", "Le Monde", 9, "0123456789abcdef"),
        report("a5", "TASS", 10, None),
    ]
    assert count_independent(reports, "sources", 10) == 3  # AFP (the wire), Le Monde (own story), TASS
    assert count_independent(reports, "articles", 10) == 3
    assert count_independent(reports, "sources", 0) == 4


def test_unusable_fingerprints_are_ignored():
    assert clean_fingerprint("F0F0F0F0F0F0F0F0") == "f0f0f0f0f0f0f0f0"
    assert clean_fingerprint("0" * 16) is None
    assert clean_fingerprint("not a fingerprint") is None
    assert clean_fingerprint(None) is None


def test_stages_are_ordered_from_announced_to_in_force():
    assert [stage_rank(s) for s in ("announced", "signed", "ratified", "in_force", None, "x")] == [0, 1, 2, 3, -1, -1]


def directed(stage="reported", source="PRK", target="RUS", claimed_by=None) -> Detection:
    article = ArticleRef(id="a1", feed_id="f", source="Yonhap", lang="en", fetched_at=T0, published=T0)
    event = Event(
        type="troop_deployment", actors=("PRK", "RUS"), stage=stage, to=target, claimed_by=claimed_by, from_=source
    )
    return Detection(article=article, lang="en", events=(event,), processed_at=T0)


def test_rules_filter_on_direction():
    rule = build_rule(rule_config(event_type="troop_deployment", **{"from": "PRK", "to": "RUS"}))
    forward, backward = directed(), directed(source="RUS", target="PRK")
    assert rule.matches(forward, forward.events[0])
    assert not rule.matches(backward, backward.events[0])


def test_a_confirmed_stage_may_require_a_party_as_claimant():
    rule = build_rule(rule_config(event_type="troop_deployment", confirmed_by_party=True))
    by_party, by_other = directed("confirmed", claimed_by="RUS"), directed("confirmed", claimed_by="KOR")
    reported = directed("reported", claimed_by="KOR")
    assert rule.matches(by_party, by_party.events[0])
    assert not rule.matches(by_other, by_other.events[0])
    assert rule.matches(reported, reported.events[0])


def test_rules_filter_on_the_claimant():
    rule = build_rule(rule_config(event_type="troop_deployment", claimed_by=["KOR", "USA"]))
    seoul, nobody = directed(claimed_by="KOR"), directed()
    assert rule.matches(seoul, seoul.events[0])
    assert not rule.matches(nobody, nobody.events[0])
