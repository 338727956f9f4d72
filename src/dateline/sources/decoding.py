"""Bytes to text: size limits, binary and empty inputs, and character encodings.

News archives are full of pages saved in the encoding of their day (cp1251
Russian, latin-1 French, Shift_JIS Japanese). Such text is decoded, not
refused: UTF-8 is tried first (with or without a byte order mark), then
UTF-16 that has no byte order mark (known by the zero bytes of its ASCII
characters, all on one side of each pair), then the encoding the container
declares, then charset_normalizer's guess, and a note says what was done so
the user can check.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import CharsetMatch, from_bytes

from ..errors import SourceError
from ..settings import Settings

__all__ = [
    "Decoded",
    "check_size",
    "decode_bytes",
    "declared_charset",
    "is_binary",
    "size_limit_bytes",
    "text_encoding_of",
]

MEGABYTE = 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control bytes that never occur in text; tab, newlines, form feed and escape do.
_CONTROL = bytes(set(range(32)) - {8, 9, 10, 12, 13, 27}) + b"\x7f"
# Legacy encodings by how many web pages use them (W3Techs), for breaking ties.
_COMMON = (
    "cp1252",
    "cp1251",
    "shift_jis",
    "cp932",
    "euc_kr",
    "gbk",
    "gb2312",
    "cp1250",
    "euc_jp",
    "iso8859-2",
    "big5",
    "cp1256",
    "cp1254",
    "iso8859-9",
    "cp1253",
    "iso8859-15",
    "cp1255",
    "tis-620",
    "cp874",
    "koi8-r",
    "cp1257",
    "cp1258",
    "iso8859-7",
    "iso8859-5",
    "koi8-u",
)
_MIN_UTF16_ZEROS = 8
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


@dataclass(frozen=True)
class Decoded:
    """Decoded text and how it was decoded."""

    text: str
    encoding: str
    notes: tuple[str, ...] = ()


def size_limit_bytes(settings: Settings) -> int:
    """The largest input, in bytes, that ``settings.max_file_mb`` allows."""
    return int(settings.max_file_mb * MEGABYTE)


def check_size(size: int, source: str, settings: Settings) -> SourceError | None:
    """An error when ``size`` bytes are over the ``max_file_mb`` limit, else None."""
    if size <= size_limit_bytes(settings):
        return None
    return SourceError(
        f"{size / MEGABYTE:.1f} MB is over the {settings.max_file_mb:g} MB limit "
        "(setting max_file_mb)",
        source=source,
    )


def is_binary(data: bytes) -> bool:
    """Whether bytes are not text: a NUL byte, or many control bytes, in the first 8 KB.

    UTF-16 and UTF-32 text has NUL bytes, but starts with a byte order mark
    or (UTF-16) has them on one side of each byte pair only.
    """
    sample = data[:8192]
    if not sample or _bom_encoding(sample) or _utf16_without_bom(sample):
        return False
    if b"\x00" in sample:
        return True
    controls = sum(sample.count(byte) for byte in _CONTROL)
    return controls / len(sample) > 0.05


def decode_bytes(data: bytes, source: str, *, declared: str | None = None) -> Decoded:
    """Decode a whole document, or raise SourceError when it is binary or empty.

    ``declared`` is the charset a container named (an HTTP header, a WARC
    record); it is trusted only if the bytes decode with it.
    """
    if is_binary(data):
        raise SourceError("binary file, not text", source=source)
    decoded = _decode(data, declared)
    if decoded is None:
        raise SourceError("binary file, not text (no text encoding fits)", source=source)
    if not decoded.text.strip():
        raise SourceError("empty file", source=source)
    return decoded


def declared_charset(content_type: str | None, head: bytes = b"") -> str | None:
    """The charset named by a Content-Type header, or else by an HTML ``<meta>`` tag."""
    if content_type:
        for part in content_type.split(";")[1:]:
            key, _, value = part.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                return value.strip().strip("\"'")
    match = _META_CHARSET.search(head[:4096])
    return match.group(1).decode("ascii") if match else None


def text_encoding_of(head: bytes) -> str | None:
    """The UTF-16 or UTF-32 encoding of bytes, by their byte order mark or, for
    UTF-16, by where their zero bytes fall; None for anything else."""
    return _bom_encoding(head) or _utf16_without_bom(head[:8192])


def _decode(data: bytes, declared: str | None) -> Decoded | None:
    bom = _bom_encoding(data)
    if bom:
        try:
            return Decoded(data.decode(bom), bom.removesuffix("-sig"))
        except UnicodeDecodeError:
            pass
    utf16 = _utf16_without_bom(data[:8192])
    if utf16:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError:
            pass
        else:
            return Decoded(text, utf16, (f"no byte order mark; read as {utf16}",))
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    for encoding in (declared, _guess(data)):
        name = _codec_name(encoding)
        if not name or name == "utf-8":
            continue
        for codec in (name, "latin-1") if name == "cp1252" else (name,):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            return Decoded(text, codec, (f"not UTF-8; read as {codec}",))
    return None


def _guess(data: bytes) -> str | None:
    """charset_normalizer's guess, with ties settled in favour of the commoner encoding.

    On a short text several single-byte encodings often decode with no
    "chaos" at all (French read as cp1250 gives "aoűt" for "août", which is
    not chaotic, only wrong); the encoding more pages are written in is then
    the better bet.
    """
    matches = list(from_bytes(data[:200_000]))
    if not matches:
        return None
    least_chaos = min(m.chaos for m in matches)
    calm = [m for m in matches if m.chaos <= least_chaos + 0.005]
    best_coherence = max(m.coherence for m in calm)
    tied = [m for m in calm if m.coherence >= best_coherence - 0.005]
    return min(tied, key=_commonness).encoding


def _commonness(match: CharsetMatch) -> int:
    names = [_codec_name(name) for name in match.could_be_from_charset] or [match.encoding]
    ranks = [_COMMON.index(n) for n in names if n in _COMMON]
    return min(ranks) if ranks else len(_COMMON)


def _bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def _utf16_without_bom(sample: bytes) -> str | None:
    """Which UTF-16 (``utf-16-le``, ``utf-16-be``) bytes without a byte order mark are in.

    In UTF-16 every ASCII character (spaces, digits, punctuation, Latin
    letters) has a zero byte, on the second side of its pair in little-endian
    and the first in big-endian; binary data has zeros on both sides.
    """
    usable = sample[: len(sample) - len(sample) % 2]
    if len(usable) < 4:
        return None
    even, odd = usable[0::2], usable[1::2]
    zeros_even, zeros_odd = even.count(0), odd.count(0)
    pairs = len(usable) // 2
    enough = max(_MIN_UTF16_ZEROS, 0.1 * pairs)  # a few zeros prove nothing
    if zeros_odd >= enough and zeros_even <= 0.01 * pairs:
        encoding = "utf-16-le"
    elif zeros_even >= enough and zeros_odd <= 0.01 * pairs:
        encoding = "utf-16-be"
    else:
        return None
    try:  # a sample may end inside a surrogate pair
        text = codecs.getincrementaldecoder(encoding)().decode(usable, final=False)
    except UnicodeDecodeError:
        return None
    # Text never holds U+0000, and few other control characters.
    controls = sum(1 for char in text if ord(char) < 32 and char not in "\t\n\r\f")
    return encoding if "\x00" not in text and controls <= 0.01 * len(text) else None


def _codec_name(encoding: str | None) -> str | None:
    """A codec's common name ("cp1251", "latin-1"), or None when Python does not know it."""
    if not encoding:
        return None
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return None
    # Pages that say "iso-8859-1" are nearly always windows-1252 (the WHATWG rule).
    return {"iso8859-1": "cp1252", "ascii": "cp1252"}.get(name, name)
