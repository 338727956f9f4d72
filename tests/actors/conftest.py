from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[3] / "shared"


@pytest.fixture(scope="session")
def nlp():
    from dateline.nlp import load_nlp
    from dateline.settings import Settings

    return load_nlp(Settings().spacy_model)


@pytest.fixture(scope="session")
def seed_mentions(nlp):
    """Every seed article resolved in file order with one memory: {file prefix: mentions}."""
    import yaml

    from dateline.actors import ActorMemory, resolve_doc

    gold_file, seeds = SHARED / "gold" / "seeds.yaml", SHARED / "seeds"
    if not gold_file.exists() or not seeds.is_dir():
        pytest.skip(f"seed articles not found under {SHARED}")
    gold = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
    memory = ActorMemory()
    found = {}
    from datetime import date

    for document in gold["documents"]:
        text = (seeds / document["file"]).read_text(encoding="utf-8")
        published = date.fromisoformat(document["published"][:10])
        found[document["file"][:3]] = resolve_doc(
            nlp(text), published, memory, source=document["file"]
        )
    return found, memory
