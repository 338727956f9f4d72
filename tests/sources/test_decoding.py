"""Bytes to text: encodings, binary and empty inputs, size limits."""

from __future__ import annotations

import codecs

import pytest

from dateline.errors import SourceError
from dateline.settings import Settings
from dateline.sources.decoding import check_size, declared_charset, decode_bytes, is_binary

RUSSIAN = (
    "Министр иностранных дел России Сергей Лавров встретился в Москве со своим турецким "
    "коллегой. Стороны обсудили ситуацию в Сирии и гуманитарную помощь беженцам."
)
FRENCH = (
    "Le président français a rencontré à l'Élysée son homologue allemand. Les deux dirigeants "
    "ont évoqué la guerre en Ukraine, l'aide humanitaire et les sanctions. « Nous sommes "
    "déterminés », a déclaré le chef de l'État."
)
GERMAN = (
    "Die Bundesregierung hat am Dienstag weitere Waffenlieferungen an die Ukraine beschlossen. "
    "Außenministerin äußerte sich zufrieden über die Gespräche in Straßburg."
)


def test_decoding_utf8_has_no_note() -> None:
    decoded = decode_bytes(FRENCH.encode("utf-8"), "a.txt")
    assert decoded.text == FRENCH
    assert decoded.notes == ()


def test_decoding_utf8_bom_is_removed() -> None:
    decoded = decode_bytes(codecs.BOM_UTF8 + GERMAN.encode("utf-8"), "a.txt")
    assert decoded.text == GERMAN


def test_decoding_utf16_with_bom_is_text() -> None:
    decoded = decode_bytes(RUSSIAN.encode("utf-16"), "a.txt")
    assert decoded.text == RUSSIAN


def test_decoding_cp1251_russian() -> None:
    decoded = decode_bytes(RUSSIAN.encode("cp1251"), "tass.txt")
    assert decoded.text == RUSSIAN
    assert decoded.notes == ("not UTF-8; read as cp1251",)


@pytest.mark.parametrize("text", [FRENCH, GERMAN])
def test_decoding_latin1_accents_come_out_right(text: str) -> None:
    decoded = decode_bytes(text.encode("latin-1"), "lemonde.txt")
    assert decoded.text == text
    assert decoded.notes and decoded.notes[0].startswith("not UTF-8; read as ")


def test_decoding_declared_charset_is_used() -> None:
    decoded = decode_bytes(RUSSIAN.encode("koi8-r"), "page.html", declared="koi8-r")
    assert decoded.text == RUSSIAN
    assert decoded.notes == ("not UTF-8; read as koi8-r",)


def test_decoding_binary_is_refused() -> None:
    with pytest.raises(SourceError, match="^report.pdf: binary file, not text$"):
        decode_bytes(b"%PDF-1.4\n\x00\x01\x02\x03stream\x00\x00", "report.pdf")


def test_decoding_whitespace_only_is_empty() -> None:
    with pytest.raises(SourceError, match="^blank.txt: empty file$"):
        decode_bytes(b" \n\t\r\n  ", "blank.txt")


def test_decoding_is_binary_spots_control_bytes_but_not_text() -> None:
    assert is_binary(bytes(range(1, 32)) * 20)
    assert not is_binary(RUSSIAN.encode("cp1251"))
    assert not is_binary("Ἀθῆναι\tτ\n".encode())


def test_decoding_check_size_message() -> None:
    settings = Settings(max_file_mb=50.0)
    assert check_size(1000, "small.txt", settings) is None
    error = check_size(60 * 1024 * 1024, "dump.txt", settings)
    assert str(error) == "dump.txt: 60.0 MB is over the 50 MB limit (setting max_file_mb)"


def test_decoding_declared_charset_from_header_or_meta() -> None:
    assert declared_charset("text/html; charset=Windows-1256") == "Windows-1256"
    assert declared_charset(None, b'<html><head><meta charset="euc-kr">') == "euc-kr"
    assert declared_charset("text/html", b"<p>no charset</p>") is None


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (
            "Warszawa, 5 marca. Premier Polski spotkał się z prezydentem Ukrainy. Rozmowy "
            "dotyczyły pomocy wojskowej i żywności.",
            "cp1250",
        ),
        (
            "Ankara, 3 Mart. Dışişleri Bakanı, Yunanistan ile görüşmelerin sürdüğünü söyledi. "
            "Güvenlik konseyi toplandı.",
            "cp1254",
        ),
        (
            "القاهرة: أعلنت وزارة الخارجية المصرية أن المحادثات بشأن وقف إطلاق النار في غزة مستمرة.",
            "cp1256",
        ),
        (
            "서울에서 대통령이 북한의 미사일 발사를 규탄했다. 정부는 긴급 안보회의를 열었다.",
            "euc_kr",
        ),
        ("北京外交部发言人表示，中方呼吁各方保持克制，通过对话解决分歧。", "gbk"),
        ("東京で首相が記者会見を行い、新たな経済対策を発表した。", "shift_jis"),
    ],
)
def test_decoding_legacy_encodings_of_the_world(text: str, encoding: str) -> None:
    decoded = decode_bytes(text.encode(encoding), "wire.txt")
    assert decoded.text == text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [FRENCH, RUSSIAN, GERMAN])
def test_decoding_utf16_without_a_bom_is_text(text: str, encoding: str) -> None:
    data = text.encode(encoding)
    assert not is_binary(data)
    decoded = decode_bytes(data, "a.txt")
    assert decoded.text == text
    assert decoded.notes == (f"no byte order mark; read as {encoding}",)


def test_decoding_utf16_file_without_a_bom_is_read(tmp_path, settings: Settings) -> None:
    from dateline.models import RawDocument
    from dateline.sources import read_location

    page = f"<html><body><p>{FRENCH}</p></body></html>"
    (tmp_path / "page.html").write_bytes(page.encode("utf-16-le"))
    (tmp_path / "note.txt").write_bytes(RUSSIAN.encode("utf-16-le"))
    documents = {
        d.file: d for d in read_location(str(tmp_path), settings) if isinstance(d, RawDocument)
    }
    assert documents["page.html"].kind == "html" and FRENCH in documents["page.html"].text
    assert documents["note.txt"].text == RUSSIAN
