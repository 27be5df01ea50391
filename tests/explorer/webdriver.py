"""A minimal W3C WebDriver client over chromedriver's HTTP API (no extra dependency)."""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

ELEMENT = "element-6066-11e4-a52e-4f735466cecf"
CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic",
                "--window-size=1400,900"]


def find_browser() -> tuple[str, str] | None:
    """(chromium, chromedriver) paths, or None when either is missing."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    return (chromium, driver) if chromium and driver else None


class Browser:
    """One headless Chromium session driven through chromedriver."""

    def __init__(self, chromium: str, driver: str, port: int, profile: Path):
        self._proc = subprocess.Popen([driver, f"--port={port}"], stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL)
        self._base = f"http://127.0.0.1:{port}"
        self._wait_driver()
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
            "binary": chromium, "args": [*CHROME_FLAGS, f"--user-data-dir={profile}"]}}}}
        self._session = self._call("POST", "/session", caps)["sessionId"]

    def _wait_driver(self) -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self._base}/status", timeout=2):
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("chromedriver did not start")

    def _call(self, method: str, path: str, body: dict | None = None):
        data = json.dumps(body or {}).encode() if method == "POST" else None
        request = urllib.request.Request(f"{self._base}{path}", data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return json.loads(response.read())["value"]
        except urllib.error.HTTPError as exc:
            raise RuntimeError(f"webdriver {method} {path}: {exc.read().decode()[:500]}") from None

    def _s(self, path: str) -> str:
        return f"/session/{self._session}{path}"

    def get(self, url: str) -> None:
        self._call("POST", self._s("/url"), {"url": url})

    def js(self, script: str, *args):
        return self._call("POST", self._s("/execute/sync"), {"script": script, "args": list(args)})

    def wait_js(self, script: str, timeout: float = 20.0):
        """Poll `script` (a JS expression body returning a value) until it is truthy."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.js(script)
            if value:
                return value
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for: {script}")
            time.sleep(0.2)

    def element(self, css: str) -> str:
        found = self._call("POST", self._s("/element"), {"using": "css selector", "value": css})
        if not isinstance(found, dict) or not (found.get(ELEMENT) or found.get("ELEMENT")):
            raise AssertionError(f"no element {css!r}: {found}")
        return found.get(ELEMENT) or found["ELEMENT"]

    def type(self, css: str, text: str) -> None:
        self._call("POST", self._s(f"/element/{self.element(css)}/value"), {"text": text})

    def click(self, css: str) -> None:
        self._call("POST", self._s(f"/element/{self.element(css)}/click"))

    def click_at(self, css: str, x: int, y: int) -> None:
        """A real pointer click at (x, y) from the element's centre."""
        origin = {ELEMENT: self.element(css)}
        self._call("POST", self._s("/actions"), {"actions": [{
            "type": "pointer", "id": "mouse", "parameters": {"pointerType": "mouse"},
            "actions": [{"type": "pointerMove", "duration": 0, "origin": origin, "x": x, "y": y},
                        {"type": "pointerDown", "button": 0}, {"type": "pause", "duration": 80},
                        {"type": "pointerUp", "button": 0}]}]})
        self._call("DELETE", self._s("/actions"))

    def screenshot(self, path: Path) -> None:
        path.write_bytes(base64.b64decode(self._call("GET", self._s("/screenshot"))))

    def quit(self) -> None:
        try:
            self._call("DELETE", self._s(""))
        finally:
            self._proc.terminate()
            self._proc.wait(timeout=10)
