"""The HTTP API: every endpoint, with good and bad input (never a 500)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from web_helpers import SEED, Token

from fehrest.register import Register, changes, status, timeline
from fehrest.register.dates import format_timestamp
from fehrest.register.migrations import LATEST_VERSION
from fehrest.register.report import fact_json, status_json
from fehrest.register.tokens import revoke_token


def _json(response: Any, code: int) -> Any:
    assert response.status_code == code, response.text
    assert response.headers["content-type"].startswith("application/json")
    return response.json()


def _error(response: Any, code: int) -> str:
    body = _json(response, code)
    assert body["status"] == code
    assert isinstance(body["message"], str)
    assert body["message"]
    return str(body["message"])


def _seed_document(client: TestClient) -> dict[str, Any]:
    docs = _json(client.get("/api/documents"), 200)["documents"]
    (seed,) = [d for d in docs if d["source"].endswith(SEED.name)]
    return dict(_json(client.get(f"/api/documents/{seed['id']}"), 200))


def _kz_delist(client: TestClient) -> dict[str, Any]:
    events = _seed_document(client)["events"]
    (event,) = [e for e in events if e["type"] == "DELIST" and e["actor"]["jurisdiction"] == "KZ"]
    return dict(event)


def _kz(client: TestClient, as_of: str) -> dict[str, Any]:
    answer = _json(
        client.get("/api/groups/taliban/status", params={"as_of": as_of, "jurisdiction": "KZ"}), 200
    )
    (row,) = answer["jurisdictions"]
    return dict(row)


# -- reading -------------------------------------------------------------------------


def test_health_reports_schema_version(client: TestClient) -> None:
    assert _json(client.get("/api/health"), 200) == {"status": "ok", "schema_version": LATEST_VERSION}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("طالبان", "taliban"),  # the Persian name, as the seed writes it
        ("امارت اسلامي", "taliban"),  # the Taliban's own name, typed with an Arabic yeh (ي)
        ("TALIBAN", "taliban"),  # English, any case
        ("crescent", "grp-crescent-guard"),  # prefix of a group only our own report names
    ],
)
def test_search_finds_group_by_alias_in_any_language(client: TestClient, query: str, expected: str) -> None:
    found = _json(client.get("/api/groups", params={"q": query}), 200)["groups"]
    assert found
    assert found[0]["id"] == expected


def test_search_without_match_is_empty(client: TestClient) -> None:
    assert _json(client.get("/api/groups", params={"q": "Nobody Such Front"}), 200)["groups"] == []


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"q": "x" * 201}, {"q": "taliban", "limit": 0}])
def test_search_rejects_bad_query(client: TestClient, params: dict[str, Any]) -> None:
    _error(client.get("/api/groups", params=params), 422)


def test_group_info_resolves_persian_name(client: TestClient) -> None:
    info = _json(client.get("/api/groups/طالبان"), 200)
    assert info["group"]["id"] == "taliban"
    assert "KZ" in info["jurisdictions"]
    assert any("طالبان" in alias for alias in info["aliases"])


@pytest.mark.parametrize(
    "path",
    [
        "/api/groups/No%20Such%20Group",
        "/api/groups/No%20Such%20Group/status",
        "/api/groups/No%20Such%20Group/timeline",
        "/api/groups/No%20Such%20Group/bands",
    ],
)
def test_unknown_group_is_404_with_message(client: TestClient, path: str) -> None:
    assert "No Such Group" in _error(client.get(path), 404)


def test_status_shows_kazakhstan_change_in_june_2024(client: TestClient) -> None:
    before, after = _kz(client, "2024-05-31"), _kz(client, "2024-06-30")
    assert (before["status"], before["since"]) == ("listed", "2005-03")
    assert (after["status"], after["since"]) == ("not listed", "2024-06-03")
    assert after["fact"]["sources"], "status names its sources"


def test_status_month_as_of_means_end_of_month(client: TestClient) -> None:
    answer = _json(client.get("/api/groups/taliban/status", params={"as_of": "2024-06"}), 200)
    assert answer["as_of"] == "2024-06-30"


def test_status_matches_the_cli_json(client: TestClient, register_path: str) -> None:
    api = _json(
        client.get("/api/groups/Taliban/status", params={"as_of": "2024-06-30", "explain": "true"}), 200
    )
    with Register.open(register_path) as reg:
        cli = status_json(status(reg, "Taliban", "2024-06-30"), explain=True)
    assert api == cli


def test_status_lists_a_proposal_as_pending(client: TestClient) -> None:
    answer = _json(
        client.get("/api/groups/taliban/status", params={"as_of": "2024-12-31", "jurisdiction": "uz"}), 200
    )
    (row,) = answer["jurisdictions"]
    assert row["status"] == "unknown"
    assert [(p["type"], p["modality"]) for p in row["pending"]] == [("LIST", "possible")]


@pytest.mark.parametrize(("as_of", "expected"), [("2020", "listed"), ("2021-07-31", "suspended")])
def test_status_follows_a_suspension(client: TestClient, as_of: str, expected: str) -> None:
    answer = _json(client.get("/api/groups/grp-crescent-guard/status", params={"as_of": as_of}), 200)
    assert [r["status"] for r in answer["jurisdictions"]] == [expected]


def test_status_known_on_before_ingest_knows_nothing(client: TestClient) -> None:
    answer = _json(client.get("/api/groups/taliban/status", params={"known_on": "2001-01-01"}), 200)
    assert answer["jurisdictions"] == []


@pytest.mark.parametrize(
    "params",
    [
        {"as_of": "2024-02-30"},  # no such day
        {"as_of": "yesterday"},
        {"as_of": "2024-6-3"},  # not zero-padded
        {"jurisdiction": "KAZ"},  # alpha-3 is not accepted
        {"jurisdiction": "K1"},
        {"known_on": "2024-13-01"},
        {"known_on": "2024-06-01Tnoon"},
        {"explain": "perhaps"},
    ],
)
def test_status_rejects_bad_parameters(client: TestClient, params: dict[str, str]) -> None:
    _error(client.get("/api/groups/taliban/status", params=params), 422)


def test_timeline_is_in_legal_order_and_matches_cli(client: TestClient, register_path: str) -> None:
    api = _json(client.get("/api/groups/taliban/timeline", params={"jurisdiction": "KZ"}), 200)
    assert [(f["type"], f["date"]["value"]) for f in api["facts"]] == [
        ("LIST", "2005-03"),
        ("DELIST", "2024-06-03"),
    ]
    with Register.open(register_path) as reg:
        group, facts = timeline(reg, "taliban", "KZ")
    assert api == {"group": {"id": group.id, "name": group.name}, "facts": [fact_json(f) for f in facts]}


def test_timeline_rejects_bad_jurisdiction(client: TestClient) -> None:
    _error(client.get("/api/groups/taliban/timeline", params={"jurisdiction": "Kazakhstan"}), 422)


def test_bands_change_for_kazakhstan_in_june_2024(client: TestClient) -> None:
    answer = _json(client.get("/api/groups/taliban/bands"), 200)
    kz = [(b["status"], b["start"], b["end"]) for b in answer["bands"] if b["jurisdiction"] == "KZ"]
    assert kz == [("listed", "2005-03-01", "2024-06-03"), ("not listed", "2024-06-03", answer["today"])]
    uz = [(m["type"], m["modality"], m["date"]) for m in answer["markers"] if m["jurisdiction"] == "UZ"]
    assert uz == [("LIST", "possible", "2024-05-02")]


def test_changes_since_a_date(client: TestClient, register_path: str) -> None:
    api = _json(client.get("/api/changes", params={"since": "2024-06-01"}), 200)
    kinds = {(f["jurisdiction"], f["type"], f["modality"]) for f in api["facts"]}
    assert ("KZ", "DELIST", "asserted") in kinds
    assert all(f["date"]["value"] >= "2024-06" for f in api["facts"])
    with Register.open(register_path) as reg:
        assert api["facts"] == [fact_json(f) for f in changes(reg, "2024-06-01")]


def test_changes_until_before_since_is_empty(client: TestClient) -> None:
    assert (
        _json(client.get("/api/changes", params={"since": "2024-06-01", "until": "2020"}), 200)["facts"] == []
    )


def test_changes_recorded_uses_record_time(client: TestClient) -> None:
    recorded = _json(client.get("/api/changes", params={"since": "2000-01-01", "recorded": "true"}), 200)
    assert len(recorded["facts"]) > 0


@pytest.mark.parametrize("params", [{}, {"since": "June"}, {"since": "2024-06-01", "until": "2024-02-31"}])
def test_changes_rejects_bad_dates(client: TestClient, params: dict[str, str]) -> None:
    _error(client.get("/api/changes", params=params), 422)


def test_fact_detail_has_evidence_and_events(client: TestClient) -> None:
    event = _kz_delist(client)
    fact = _json(client.get(f"/api/facts/{event['fact']}"), 200)
    assert fact["type"] == "DELIST"
    assert fact["jurisdiction"] == "KZ"
    assert event["id"] in fact["events"]
    assert all(src["evidence"] for src in fact["sources"])


@pytest.mark.parametrize(
    ("path", "code"), [("/api/facts/999999", 404), ("/api/facts/abc", 422), ("/api/facts/0", 422)]
)
def test_fact_detail_bad_ids(client: TestClient, path: str, code: int) -> None:
    _error(client.get(path), code)


def test_documents_list_and_paging(client: TestClient) -> None:
    docs = _json(client.get("/api/documents"), 200)["documents"]
    assert len(docs) == 2
    assert all("text" not in d for d in docs)
    assert len(_json(client.get("/api/documents", params={"limit": 1}), 200)["documents"]) == 1
    _error(client.get("/api/documents", params={"limit": 0}), 422)
    _error(client.get("/api/documents", params={"offset": -1}), 422)


def test_document_offsets_point_into_raw_text(client: TestClient) -> None:
    payload = _seed_document(client)
    text = payload["document"]["text"]
    assert text == SEED.read_text(encoding="utf-8-sig")
    assert payload["events"]
    assert payload["mentions"]
    for event in payload["events"]:
        for evidence in event["evidence"]:
            assert text[evidence["start"] : evidence["end"]] == evidence["text"]
    for mention in payload["mentions"]:
        assert text[mention["start"] : mention["end"]] == mention["text"]


def test_unknown_document_is_404(client: TestClient) -> None:
    _error(client.get("/api/documents/0000000000000000"), 404)


def test_event_detail_and_unknown_event(client: TestClient) -> None:
    event = _kz_delist(client)
    detail = _json(client.get(f"/api/events/{event['id']}"), 200)
    assert detail["type"] == "DELIST"
    assert detail["audit"] == []
    _error(client.get("/api/events/987654321"), 404)
    _error(client.get("/api/events/-3"), 422)


def test_queue_is_least_confident_first(client: TestClient) -> None:
    events = _json(client.get("/api/review/queue"), 200)["events"]
    confidences = [e["confidence"] for e in events]
    assert confidences == sorted(confidences)
    assert len(events) >= 4
    assert len(_json(client.get("/api/review/queue", params={"limit": 2}), 200)["events"]) == 2


def test_unknown_api_path_is_json_404(client: TestClient) -> None:
    _error(client.get("/api/nowhere"), 404)
    _error(client.post("/api/groups"), 405)


# -- writing: tokens -------------------------------------------------------------------


def test_review_without_token_is_401(client: TestClient) -> None:
    event = _kz_delist(client)
    response = client.post(f"/api/events/{event['id']}/review", json={"decision": "accept"})
    _error(response, 401)
    assert response.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize(
    "header",
    [
        "Bearer fht_000000000000_" + "a" * 43,  # well formed, unknown
        "Bearer not-a-token",
        "Bearer fht_",
    ],
)
def test_review_with_wrong_token_is_403(client: TestClient, token: Token, header: str) -> None:
    event = _kz_delist(client)
    response = client.post(
        f"/api/events/{event['id']}/review", json={"decision": "accept"}, headers={"Authorization": header}
    )
    _error(response, 403)


def test_review_with_mistyped_secret_is_403(client: TestClient, token: Token) -> None:
    event = _kz_delist(client)
    wrong = token.secret[:-1] + ("A" if token.secret[-1] != "A" else "B")
    response = client.post(
        f"/api/events/{event['id']}/review",
        json={"decision": "accept"},
        headers={"Authorization": f"Bearer {wrong}"},
    )
    _error(response, 403)


def test_review_with_basic_auth_is_401(client: TestClient) -> None:
    event = _kz_delist(client)
    response = client.post(
        f"/api/events/{event['id']}/review",
        json={"decision": "accept"},
        headers={"Authorization": "Basic dXNlcjpwdw=="},
    )
    _error(response, 401)


def test_revoked_token_is_403(client: TestClient, token: Token, register_path: str) -> None:
    with Register.open(register_path) as reg:
        revoke_token(reg, token.name)
    event = _kz_delist(client)
    _error(
        client.post(f"/api/events/{event['id']}/review", json={"decision": "accept"}, headers=token.header),
        403,
    )


# -- writing: review -------------------------------------------------------------------


def test_accept_records_audit_and_leaves_queue(client: TestClient, token: Token) -> None:
    event = _kz_delist(client)
    result = _json(
        client.post(f"/api/events/{event['id']}/review", json={"decision": "accept"}, headers=token.header),
        200,
    )
    assert result["decision"] == "accept"
    assert result["reviewer"] == token.name
    queue = _json(client.get("/api/review/queue", params={"limit": 500}), 200)["events"]
    assert event["id"] not in {e["id"] for e in queue}
    (entry,) = _json(client.get("/api/audit", params={"event": event["id"]}), 200)["entries"]
    assert entry["action"] == "review.accept"
    assert entry["actor"] == token.name
    assert entry["before"]["type"] == "DELIST"
    assert _kz(client, "2024-06-30")["status"] == "not listed"


def test_reject_changes_status_at_once(client: TestClient, token: Token) -> None:
    event = _kz_delist(client)
    _json(
        client.post(f"/api/events/{event['id']}/review", json={"decision": "reject"}, headers=token.header),
        200,
    )
    after = _kz(client, "2024-06-30")
    assert (after["status"], after["since"]) == ("listed", "2005-03")
    removed = _json(client.get(f"/api/events/{event['id']}"), 200)
    assert removed["removed"] is True
    assert removed["audit"][0]["action"] == "review.reject"


def _moment_before(recorded_at: str) -> str:
    """The record time one microsecond before a decision (``known_on`` just before it)."""
    return format_timestamp(datetime.fromisoformat(recorded_at) - timedelta(microseconds=1))


def _kz_known_on(client: TestClient, as_of: str, known_on: str) -> dict[str, Any]:
    answer = _json(
        client.get(
            "/api/groups/taliban/status", params={"as_of": as_of, "jurisdiction": "KZ", "known_on": known_on}
        ),
        200,
    )
    (row,) = answer["jurisdictions"]
    return dict(row)


def test_reject_keeps_what_was_known_before(client: TestClient, token: Token) -> None:
    event = _kz_delist(client)
    before = _kz(client, "2024-06-30")
    result = _json(
        client.post(f"/api/events/{event['id']}/review", json={"decision": "reject"}, headers=token.header),
        200,
    )
    then = _kz_known_on(client, "2024-06-30", _moment_before(result["recorded_at"]))
    assert (
        (then["status"], then["since"]) == (before["status"], before["since"]) == ("not listed", "2024-06-03")
    )
    now = _kz_known_on(client, "2024-06-30", result["recorded_at"])
    assert (now["status"], now["since"]) == ("listed", "2005-03")
    (entry,) = _json(client.get("/api/audit", params={"event": event["id"]}), 200)["entries"]
    assert entry["before"]["id"] == event["id"]
    assert entry["after"] is None


def test_correct_date_keeps_what_was_known_before(client: TestClient, token: Token) -> None:
    event = _kz_delist(client)
    body = {"decision": "correct", "changes": {"date": "2024-07-01"}}
    result = _json(client.post(f"/api/events/{event['id']}/review", json=body, headers=token.header), 200)
    then = _kz_known_on(client, "2024-06-30", _moment_before(result["recorded_at"]))
    assert (then["status"], then["since"]) == ("not listed", "2024-06-03")
    now = _kz_known_on(client, "2024-07-15", result["recorded_at"])
    assert (now["status"], now["since"]) == ("not listed", "2024-07-01")
    (entry,) = _json(client.get("/api/audit", params={"event": event["id"]}), 200)["entries"]
    assert (entry["before"]["date"]["value"], entry["after"]["date"]["value"]) == ("2024-06-03", "2024-07-01")


def test_reject_twice_is_409(client: TestClient, token: Token) -> None:
    event = _kz_delist(client)
    url = f"/api/events/{event['id']}/review"
    _json(client.post(url, json={"decision": "reject"}, headers=token.header), 200)
    assert "already rejected" in _error(
        client.post(url, json={"decision": "reject"}, headers=token.header), 409
    )


def test_correct_date_moves_the_change(client: TestClient, token: Token) -> None:
    event = _kz_delist(client)
    body = {"decision": "correct", "changes": {"date": "2024-07-01"}, "note": "the decree took effect later"}
    result = _json(client.post(f"/api/events/{event['id']}/review", json=body, headers=token.header), 200)
    assert result["new_event_id"]
    assert result["after"]["date"]["value"] == "2024-07-01"
    assert _kz(client, "2024-06-30")["status"] == "listed"
    moved = _kz(client, "2024-07-15")
    assert (moved["status"], moved["since"]) == ("not listed", "2024-07-01")
    queue = _json(client.get("/api/review/queue", params={"limit": 500}), 200)["events"]
    assert result["new_event_id"] not in {e["id"] for e in queue}


def test_correct_type_and_target(client: TestClient, token: Token) -> None:
    own = [
        e
        for e in _json(client.get("/api/review/queue", params={"limit": 500}), 200)["events"]
        if e["actor"]["jurisdiction"] == "UZ"
    ]
    proposal = next(e for e in own if e["target"]["id"] == "taliban")
    body = {"decision": "correct", "changes": {"modality": "asserted", "target": "Crescent Guard"}}
    _json(client.post(f"/api/events/{proposal['id']}/review", json=body, headers=token.header), 200)
    crescent = _json(client.get("/api/groups/grp-crescent-guard/status", params={"as_of": "2024-06-01"}), 200)
    assert [(r["status"], r["since"]) for r in crescent["jurisdictions"]] == [("listed", "2024-05-02")]
    taliban_uz = _json(
        client.get("/api/groups/taliban/status", params={"as_of": "2024-06-01", "jurisdiction": "UZ"}), 200
    )
    assert taliban_uz["jurisdictions"] == []


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"decision": "maybe"}, 422),  # not a decision
        ({}, 422),  # no decision
        ({"decision": "accept", "changes": {"date": "2024"}}, 422),  # changes only go with correct
        ({"decision": "correct"}, 422),  # a correction needs changes
        ({"decision": "correct", "changes": {}}, 422),
        ({"decision": "correct", "changes": {"type": "BAN"}}, 422),
        ({"decision": "correct", "changes": {"type": None}}, 422),
        ({"decision": "correct", "changes": {"date": "2024-13"}}, 422),
        ({"decision": "correct", "changes": {"date": 2024}}, 422),
        ({"decision": "correct", "changes": {"target": "No Such Group"}}, 422),
        ({"decision": "correct", "changes": {"jurisdiction": "K"}}, 422),
        ({"decision": "correct", "changes": {"colour": "red"}}, 422),  # not a correctable field
        ({"decision": "correct", "changes": {"type": "DELIST"}}, 422),  # the same as it was
        ({"decision": "accept", "extra": 1}, 422),
        (["accept"], 422),
    ],
)
def test_review_rejects_bad_bodies(client: TestClient, token: Token, body: Any, code: int) -> None:
    event = _kz_delist(client)
    _error(client.post(f"/api/events/{event['id']}/review", json=body, headers=token.header), code)
    assert _kz(client, "2024-06-30")["status"] == "not listed", "a refused decision changes nothing"


def test_review_malformed_json_is_400(client: TestClient, token: Token) -> None:
    event = _kz_delist(client)
    headers = {**token.header, "Content-Type": "application/json"}
    _error(
        client.post(f"/api/events/{event['id']}/review", content=b'{"decision": "acc', headers=headers), 400
    )


def test_review_unknown_event_is_404(client: TestClient, token: Token) -> None:
    _error(client.post("/api/events/424242/review", json={"decision": "accept"}, headers=token.header), 404)


def test_audit_lists_newest_first(client: TestClient, token: Token) -> None:
    ids = [e["id"] for e in _json(client.get("/api/review/queue", params={"limit": 2}), 200)["events"]]
    for event_id in ids:
        _json(
            client.post(f"/api/events/{event_id}/review", json={"decision": "accept"}, headers=token.header),
            200,
        )
    entries = _json(client.get("/api/audit"), 200)["entries"]
    assert [e["event"] for e in entries] == ids[::-1]
    _error(client.get("/api/audit", params={"limit": 1000}), 422)


# -- writing: ingest -------------------------------------------------------------------

OWN_ARTICLE = "دادگاه عالی تاجیکستان روز ۱۲ مارچ ۲۰۲۳ فعالیت گروه طالبان را در این کشور ممنوع اعلام کرد."


def test_ingest_needs_a_token(client: TestClient) -> None:
    _error(client.post("/api/documents", json={"text": OWN_ARTICLE}), 401)
    _error(
        client.post("/api/documents", json={"text": OWN_ARTICLE}, headers={"Authorization": "Bearer x"}), 403
    )


def test_ingest_stores_once(client: TestClient, token: Token) -> None:
    body = {"text": OWN_ARTICLE, "published": "2023-03-13", "title": "Tajikistan bans the Taliban"}
    first = _json(client.post("/api/documents", json=body, headers=token.header), 201)
    assert first["new"] is True
    assert first["document"]["text"] == OWN_ARTICLE
    again = _json(client.post("/api/documents", json=body, headers=token.header), 200)
    assert again["new"] is False
    assert again["document"]["id"] == first["document"]["id"]
    entries = _json(client.get("/api/audit"), 200)["entries"]
    assert [e["action"] for e in entries] == ["ingest"]
    assert entries[0]["actor"] == token.name


@pytest.mark.parametrize(
    "body",
    [
        {},  # no text
        {"text": "   "},  # blank
        {"text": "x", "published": "2024-99-01"},
        {"text": "x", "language": "de"},
        {"text": "x", "colour": "red"},
        {"text": 42},
    ],
)
def test_ingest_rejects_bad_bodies(client: TestClient, token: Token, body: dict[str, Any]) -> None:
    _error(client.post("/api/documents", json=body, headers=token.header), 422)


def test_openapi_documents_every_api_route(client: TestClient) -> None:
    spec = _json(client.get("/api/openapi.json"), 200)
    assert spec["info"]["title"] == "Fehrest"
    operations = [(path, op) for path, item in spec["paths"].items() for op in item.values()]
    assert len(operations) >= 15
    for path, op in operations:
        assert path.startswith("/api/"), path
        assert op.get("summary"), path
        assert op.get("description"), path
    assert "HTTPBearer" in spec["components"]["securitySchemes"]
