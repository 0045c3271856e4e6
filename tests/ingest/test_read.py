"""Reading local files: good records go in, bad ones name their file and line."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from fehrest.errors import InputError
from fehrest.ingest import find_files, read_file
from fehrest.model import Document


def _read(path: Path) -> tuple[list[Document], list[InputError]]:
    items = list(read_file(path))
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, InputError)]


def test_read_jsonl_malformed_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(
        json.dumps({"text": "نخستین گزارش", "published": "2024-01-02"}) + "\n"
        '{"text": "broken\n'
        "\n" + json.dumps({"text": "third record", "url": "https://x.example/3"}) + "\n",
        encoding="utf-8",
    )
    docs, errors = _read(path)
    assert [d.text for d in docs] == ["نخستین گزارش", "third record"]
    assert docs[0].published == "2024-01-02"
    assert docs[1].url == "https://x.example/3"
    assert [(e.source, e.line) for e in errors] == [(str(path), 2)]
    assert str(errors[0]).startswith(f"{path}:2: malformed JSON")


def test_read_jsonl_bad_bytes_cost_one_line(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b'{"text": "fine"}\n{"text": "\xff\xfe bad"}\n{"text": "also fine"}\n')
    docs, errors = _read(path)
    assert [d.text for d in docs] == ["fine", "also fine"]
    assert [(e.line, "not UTF-8" in e.problem) for e in errors] == [(2, True)]


def test_read_txt_not_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes("first line\nسطر دوم\n".encode() + b"\xe1\xed\xf1 cp1256\n")
    docs, errors = _read(path)
    assert docs == []
    assert (errors[0].source, errors[0].line) == (str(path), 3)


def test_read_json_record_checks_fields(tmp_path: Path) -> None:
    cases = {
        "no-text.json": ({"url": "https://x.example"}, "no 'text'"),
        "bad-date.json": ({"text": "t", "published": "yesterday"}, "not an ISO date"),
        "bad-type.json": ({"text": "t", "title": 5}, "'title' must be a string"),
        "not-object.json": ([1], "expected a JSON object"),
    }
    for name, (record, problem) in cases.items():
        path = tmp_path / name
        path.write_text(json.dumps(record), encoding="utf-8")
        docs, errors = _read(path)
        assert docs == []
        assert problem in errors[0].problem


def test_read_json_list_of_records(tmp_path: Path) -> None:
    path = tmp_path / "two.json"
    path.write_text(json.dumps([{"text": "one"}, {"text": "two", "language": "en"}]), encoding="utf-8")
    docs, errors = _read(path)
    assert ([d.text for d in docs], errors) == (["one", "two"], [])
    assert docs[1].language == "en"


def test_find_files_walks_folders_and_reports_unknown(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for name in ("b.txt", "sub/a.jsonl", "sub/skip.csv", "c.json"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = list(find_files([tmp_path, tmp_path / "missing.txt", tmp_path / "sub" / "skip.csv"]))
    paths = [p.name for p in found if isinstance(p, Path)]
    errors = [e.problem for e in found if isinstance(e, InputError)]
    assert paths == ["b.txt", "c.json", "a.jsonl"]
    assert errors == ["no such file or folder", "cannot read .csv files yet"]


@given(st.lists(st.one_of(st.binary(max_size=40), st.text(max_size=40).map(str.encode)), max_size=8))
def test_read_jsonl_never_raises(lines: list[bytes]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.jsonl"
        path.write_bytes(b"\n".join(lines))
        for item in read_file(path):
            assert isinstance(item, Document | InputError)
