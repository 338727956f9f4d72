import pytest

from dateline.errors import KnowledgeError
from dateline.knowledge import knowledge_files, load_jsonl, load_tsv, load_yaml


def _load(name):
    if name.endswith(".yaml"):
        return load_yaml(name)
    if name.endswith(".tsv"):
        return load_tsv(name)
    return load_jsonl(name)


@pytest.mark.parametrize("name", knowledge_files())
def test_loader_reads_every_shipped_file(name):
    assert _load(name), f"{name} is empty"


def test_loader_names_the_missing_file():
    with pytest.raises(KnowledgeError, match="no-such-file.yaml: knowledge file is missing"):
        load_yaml("no-such-file.yaml")
