"""A headless Chromium driven over the DevTools protocol on a pipe (--remote-debugging-pipe):
no WebSocket library, no network port. Used by the browser tests and by
tests/browser/screenshot.py.

    with Chromium() as browser:
        page = browser.open(path)              # waits for the load event
        page.evaluate("document.title")
        page.screenshot(out_png, width=900, dark=True)
        page.print_pdf(out_pdf)
        page.console_errors, page.requests    # what the page did
"""

import base64
import fcntl
import json
import os
import pathlib
import shutil
import subprocess
import tempfile
import time

# Chromium as root in a container: no sandbox, no GPU, nothing that phones home.
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--mute-audio",
    "--hide-scrollbars",
    # Any host name resolves to nothing: a page that reaches out fails, and we see the try.
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--remote-debugging-pipe",
]

TIMEOUT = 60.0


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


class BrowserError(Exception):
    pass


class Chromium:
    def __init__(self, binary=None):
        binary = binary or find_chromium()
        if not binary:
            raise BrowserError("chromium not found")
        self.profile = tempfile.mkdtemp(prefix="spark-chromium-")
        to_browser_r, to_browser_w = os.pipe()
        from_browser_r, from_browser_w = os.pipe()
        # Chromium reads commands on fd 3 and writes answers on fd 4; move our ends out of the
        # way first so the redirections (bash: dash takes one digit only) cannot clobber them.
        high_r = fcntl.fcntl(to_browser_r, fcntl.F_DUPFD, 10)
        high_w = fcntl.fcntl(from_browser_w, fcntl.F_DUPFD, 10)
        os.close(to_browser_r)
        os.close(from_browser_w)
        command = " ".join(
            ['exec "$0"', *[f"'{flag}'" for flag in FLAGS], f"'--user-data-dir={self.profile}'",
             "about:blank", f"3<&{high_r} 4>&{high_w} {high_r}<&- {high_w}>&-"])
        self.process = subprocess.Popen(
            ["bash", "-c", command, binary],
            pass_fds=(high_r, high_w),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=None if os.environ.get("SPARK_BROWSER_DEBUG") else subprocess.DEVNULL,
        )
        os.close(high_r)
        os.close(high_w)
        self.writer = os.fdopen(to_browser_w, "wb", buffering=0)
        self.reader = os.fdopen(from_browser_r, "rb", buffering=0)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    # ---- the protocol ----

    def _read_message(self, deadline):
        while b"\0" not in self.buffer:
            if time.monotonic() > deadline:
                raise BrowserError("chromium did not answer in time")
            chunk = self.reader.read(65536)
            if not chunk:
                raise BrowserError("chromium closed the pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def send(self, method, params=None, session=None, timeout=TIMEOUT):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self.writer.write(json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            answer = self._read_message(deadline)
            if answer.get("id") == self.next_id:
                if "error" in answer:
                    raise BrowserError(f"{method}: {answer['error'].get('message')}")
                return answer.get("result", {})
            self.events.append(answer)

    def wait_for(self, method, session, timeout=TIMEOUT):
        deadline = time.monotonic() + timeout
        while True:
            for i, event in enumerate(self.events):
                if event.get("method") == method and event.get("sessionId") == session:
                    return self.events.pop(i)
            self.events.append(self._read_message(deadline))

    def open(self, path_or_url, width=1000, height=800):
        """A new tab showing the page, after its load event."""
        url = path_or_url if "://" in str(path_or_url) else pathlib.Path(path_or_url).resolve().as_uri()
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"]
        page = Page(self, target, session)
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(f"{domain}.enable", session=session)
        page.resize(width, height)
        self.send("Page.navigate", {"url": url}, session=session)
        self.wait_for("Page.loadEventFired", session)
        return page

    def close(self):
        try:
            self.send("Browser.close", timeout=5)
        except (BrowserError, OSError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.writer.close()
        self.reader.close()
        shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class Page:
    def __init__(self, browser, target, session):
        self.browser = browser
        self.target = target
        self.session = session

    def send(self, method, params=None, timeout=TIMEOUT):
        return self.browser.send(method, params, session=self.session, timeout=timeout)

    def _drain(self):
        """Events of this page received so far (handled ones are removed)."""
        mine = [e for e in self.browser.events if e.get("sessionId") == self.session]
        self.browser.events = [e for e in self.browser.events if e not in mine]
        self._seen = getattr(self, "_seen", []) + mine
        return self._seen

    def evaluate(self, expression, timeout=TIMEOUT):
        result = self.send(
            "Runtime.evaluate",
            {"expression": expression, "awaitPromise": True, "returnByValue": True},
            timeout=timeout,
        )
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            raise BrowserError(
                details.get("exception", {}).get("description") or details.get("text"))
        return result["result"].get("value")

    @property
    def console_errors(self):
        errors = []
        for event in self._drain():
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                errors.append(" ".join(str(a.get("value", a.get("description", "")))
                                       for a in params.get("args", [])))
            elif method == "Runtime.exceptionThrown":
                errors.append(params["exceptionDetails"].get("text", "exception"))
            elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
                errors.append(params["entry"].get("text", ""))
        return errors

    @property
    def requests(self):
        return [e["params"]["request"]["url"] for e in self._drain()
                if e.get("method") == "Network.requestWillBeSent"]

    def resize(self, width, height):
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})

    def color_scheme(self, scheme):
        self.send("Emulation.setEmulatedMedia",
                  {"features": [{"name": "prefers-color-scheme", "value": scheme}]})

    def screenshot(self, out, width=1000, clip=None):
        """The whole page, or the band of `clip` = (top, height) in CSS pixels."""
        height = int(self.evaluate("document.documentElement.scrollHeight"))
        self.resize(width, max(200, min(height, 16000)))
        params = {"format": "png"}
        if clip:
            params["clip"] = {"x": 0, "y": clip[0], "width": width, "height": clip[1], "scale": 1}
        data = self.send("Page.captureScreenshot", params)["data"]
        pathlib.Path(out).write_bytes(base64.b64decode(data))

    def print_pdf(self, out):
        """A4, backgrounds as the print CSS says."""
        data = self.send("Page.printToPDF", {
            "paperWidth": 8.27, "paperHeight": 11.69, "preferCSSPageSize": True,
            "printBackground": True, "marginTop": 0, "marginBottom": 0, "marginLeft": 0,
            "marginRight": 0,
        }, timeout=120)["data"]
        pathlib.Path(out).write_bytes(base64.b64decode(data))

    def close(self):
        self.browser.send("Target.closeTarget", {"targetId": self.target})
