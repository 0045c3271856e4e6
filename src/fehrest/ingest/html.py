"""Turn an HTML page into a Document: main text and metadata via trafilatura (pure, no network).

Decoding is explicit because news sites still serve Windows-1256 and mislabel
pages: a byte-order mark wins, then the charset the server or the page
declares, then UTF-8, then a guess by ``charset_normalizer`` kept only when it
is confident. A page that none of these can read is a clear failure rather
than mojibake stored for good.
"""

from __future__ import annotations

import codecs
import re
from typing import Any

from fehrest.errors import InputError
from fehrest.language import identify_language
from fehrest.model import Document

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HTML_LANG = re.compile(r"""<html[^>]*\slang\s*=\s*["']?([A-Za-z]{2,3}(?:-[A-Za-z]{2})?)""", re.IGNORECASE)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# trafilatura drops every non-printable character, ZWNJ (U+200C) and ZWJ
# included, which glues Persian words together (سازمان‌ها → سازمانها). They
# travel through it disguised as printable characters absent from the page.
_JOINERS = ("\u200c", "\u200d")
_STAND_INS = ("\u2e3a", "\u2e3b", "\u16ed", "\u2cfe", "\ua4fe", "\ua4ff", "\u2e19", "\u2e18")
_MIN_TEXT = 40  # characters: below this a page has no article, only a title or a menu


class DecodeError(ValueError):
    """The bytes of a page could not be read as text."""


def decode_html(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Return the page as text and the encoding used; raise :class:`DecodeError` if unreadable."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), encoding
    candidates: list[str] = []
    unknown: list[str] = []
    for name in (declared, _meta_charset(data)):
        if not name:
            continue
        try:
            candidates.append(codecs.lookup(name).name)
        except LookupError:
            unknown.append(name)
    for encoding in [*candidates, "utf-8"]:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    guessed = _guess_encoding(data)
    if guessed is not None:
        return data.decode(guessed, errors="replace"), guessed
    if unknown:
        raise DecodeError(f"unknown character encoding {unknown[0]!r} and the bytes are not UTF-8")
    label = f"declared {candidates[0]!r} but " if candidates else ""
    raise DecodeError(f"cannot tell the character encoding ({label}the bytes are not UTF-8)")


def _meta_charset(data: bytes) -> str | None:
    found = _META_CHARSET.search(data[:4096])
    return found.group(1).decode("ascii") if found else None


def _guess_encoding(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:65536]).best()
    if best is None or best.chaos > 0.2:
        return None
    return str(best.encoding)


def extract_html(
    html: str | bytes,
    url: str | None = None,
    *,
    encoding: str | None = None,
    source: str | None = None,
) -> Document | InputError:
    """Extract a page's main text, title, publication date, language and canonical URL.

    ``encoding`` is the charset the server declared (bytes only). The date is
    taken from the page's metadata only (``article:published_time``, JSON-LD,
    ``<time>``…); when there is none the document has no ``published`` and the
    time layer infers one from the text, marked as inferred.
    """
    where = source or url or "<html>"
    if isinstance(html, bytes):
        try:
            html, _ = decode_html(html, encoding)
        except DecodeError as exc:
            return InputError(where, str(exc))
    stand_ins = _free_stand_ins(html)
    found = _bare_extraction(_hide(html, stand_ins), url)
    text = _unhide(found.get("text") or "", stand_ins).strip()
    if len(text) < _MIN_TEXT:
        return InputError(where, "no article text found in the page")
    title = _unhide(found.get("title") or "", stand_ins).strip() or None
    canonical = found.get("url") or url
    declared = _HTML_LANG.search(html[:4096])
    language = identify_language(text, declared.group(1) if declared else None)
    return Document(
        text=text,
        source=source or canonical or where,
        language=language,
        published=_iso_day(found.get("date")),
        title=title,
        url=canonical,
        meta={"fetched_url": url} if url and url != canonical else {},
    )


def _bare_extraction(html: str, url: str | None) -> dict[str, Any]:
    import trafilatura

    found = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        # Metadata only: a date guessed from the body would be stored as if the page said it.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if found is None:
        return {}
    return dict(found.as_dict()) if hasattr(found, "as_dict") else dict(found)


def _free_stand_ins(html: str) -> tuple[str, ...]:
    free = [c for c in _STAND_INS if c not in html]
    return tuple(free[: len(_JOINERS)])


def _hide(html: str, stand_ins: tuple[str, ...]) -> str:
    for joiner, stand_in in zip(_JOINERS, stand_ins, strict=False):
        html = html.replace(joiner, stand_in)
    return html


def _unhide(text: str, stand_ins: tuple[str, ...]) -> str:
    for joiner, stand_in in zip(_JOINERS, stand_ins, strict=False):
        text = text.replace(stand_in, joiner)
    return text


def _iso_day(value: object) -> str | None:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", value):
        return None
    return value[:10]
