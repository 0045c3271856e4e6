"""Drive Debian's Chromium (headless, through Debian's chromedriver) against ``fehrest serve``.

Searches طالبان, opens the group page, checks Kazakhstan's band changes in June 2024,
opens the seed article's evidence, and accepts an event in the review queue. Screenshots
go to ``build/screenshots/`` for a person to look at.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from web_helpers import REPO, SEED

from fehrest.register import Register
from fehrest.register.review import audit_entries
from fehrest.register.tokens import create_token

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SHOTS = REPO / "build" / "screenshots"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_up(url: str, process: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"fehrest serve exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"fehrest serve did not answer {url} in {seconds} s")


@pytest.fixture
def served(register_path: str) -> Iterator[tuple[str, str, str]]:
    """``fehrest serve`` on 127.0.0.1 over a seeded register: (base URL, token, register path)."""
    with Register.open(register_path) as reg:
        _, token = create_token(reg, "browser-test")
    port = _free_port()
    command = [
        sys.executable,
        "-c",
        "from fehrest.cli import main; main()",
        "serve",
        "--db",
        register_path,
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_up(f"{base}/api/health", process)
        yield base, token, register_path
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture
def browser() -> Iterator[Any]:
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.fail("Chromium is missing: run scripts/install-chromium.sh (make test does)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    profile = tempfile.mkdtemp(prefix="fehrest-chromium-")
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--window-size=1366,1400",
        "--lang=en-US",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


def _shot(driver: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1366, min(max(int(height) + 40, 900), 4000))
    driver.save_screenshot(str(SHOTS / name))


def test_search_timeline_evidence_and_review(served: tuple[str, str, str], browser: Any) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    base, token, register_path = served
    wait = WebDriverWait(browser, 30)

    # 1. Search in Persian.
    browser.get(base + "/")
    box = wait.until(ec.presence_of_element_located((By.ID, "q")))
    box.send_keys("طالبان", Keys.ENTER)
    link = wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, "#results a.group-link")))
    assert link.text == "Taliban"
    _shot(browser, "01-search.png")

    # 2. The group page: the chart and the map are drawn, Kazakhstan's band changes in June 2024.
    link.click()
    wait.until(
        lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-charts") in ("ready", "failed")
    )
    assert browser.find_element(By.TAG_NAME, "body").get_attribute("data-charts") == "ready"
    assert browser.find_element(By.ID, "group-name").text.startswith("Taliban")
    assert browser.find_elements(By.CSS_SELECTOR, "#timeline svg path, #timeline svg rect")
    assert len(browser.find_elements(By.CSS_SELECTOR, "#map svg path")) > 100, "the world map is drawn"
    kz = [
        (b.get_attribute("data-status"), b.get_attribute("data-start"), b.get_attribute("data-end"))
        for b in browser.find_elements(By.CSS_SELECTOR, "li.band[data-jurisdiction='KZ']")
    ]
    assert kz[0][:3] == ("listed", "2005-03-01", "2024-06-03")
    assert kz[1][:2] == ("not listed", "2024-06-03")
    _shot(browser, "02-group.png")

    def kz_status(as_of: str) -> str:
        field = browser.find_element(By.ID, "as-of-input")
        browser.execute_script("arguments[0].value = arguments[1]", field, as_of)
        browser.find_element(By.CSS_SELECTOR, "#as-of-form button").click()
        wait.until(ec.text_to_be_present_in_element((By.ID, "as-of"), as_of))
        row = browser.find_element(By.CSS_SELECTOR, "#status-table tr[data-jurisdiction='KZ']")
        return str(row.get_attribute("data-status"))

    assert kz_status("2024-05-31") == "listed"
    assert kz_status("2024-06-30") == "not listed"
    wait.until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-charts") == "ready")
    _shot(browser, "03-group-june-2024.png")

    # 3. One click to the source sentence: the seed article, right to left, evidence highlighted.
    evidence = browser.find_element(
        By.CSS_SELECTOR, "#status-table tr[data-jurisdiction='KZ'] a.evidence-link"
    )
    evidence.click()
    article = wait.until(ec.presence_of_element_located((By.ID, "article")))
    assert article.get_attribute("dir") == "rtl"
    assert article.get_attribute("textContent") == SEED.read_text(encoding="utf-8-sig")
    chosen = browser.find_elements(By.CSS_SELECTOR, "#article .evidence.chosen")
    assert chosen
    assert "قزاقستان" in "".join(c.get_attribute("textContent") for c in chosen)
    assert browser.find_elements(By.CSS_SELECTOR, "#article .mention-group")
    direction = browser.execute_script("return getComputedStyle(arguments[0]).direction", article)
    assert direction == "rtl"
    font = browser.execute_script("return getComputedStyle(arguments[0]).fontFamily", article)
    assert "Vazirmatn" in font
    _shot(browser, "04-document.png")

    # 4. The review queue: accept the Kazakhstan delisting with the token.
    browser.get(base + "/review")
    browser.find_element(By.ID, "token").send_keys(token)
    cards = browser.find_elements(By.CSS_SELECTOR, ".review-item")
    card = next(
        c for c in cards if "DELIST" in c.find_element(By.CSS_SELECTOR, ".etype").text and "KZ" in c.text
    )
    event_id = int(card.get_attribute("data-event"))
    card.find_element(By.CSS_SELECTOR, "button.accept").click()
    result = card.find_element(By.CSS_SELECTOR, ".result")
    WebDriverWait(browser, 60).until(lambda d: result.get_attribute("textContent") not in ("", "sending…"))
    assert "accepted by browser-test" in result.get_attribute("textContent")
    assert "decided" in (card.get_attribute("class") or "")
    _shot(browser, "05-review.png")

    with Register.open(register_path) as reg:
        (entry,) = audit_entries(reg, event_id=event_id)
    assert entry["action"] == "review.accept"
    assert entry["actor"] == "browser-test"
    with urllib.request.urlopen(f"{base}/api/review/queue?limit=500") as response:
        queue = json.load(response)["events"]
    assert event_id not in {e["id"] for e in queue}
