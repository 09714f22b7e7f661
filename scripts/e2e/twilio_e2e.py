#!/usr/bin/env python3
"""End-to-end test of Sanctuary's Twilio webhook against the real `sanctuary serve` binary.

Inbound webhooks are shaped like Twilio's and signed with the official twilio-python
RequestValidator. A fake Twilio REST API (standard library HTTP server) captures what Sanctuary sends to
Twilio (outbound messages, message deletions). HTTP to Sanctuary uses only urllib.request.

    python3 scripts/e2e/twilio_e2e.py [--binary PATH] [--keep]

Run from anywhere; the server runs with cwd = repository root (it reads intents/, locales/, deploy/).
Exit status 0 when every check passes, 1 otherwise.
"""

from __future__ import annotations

import argparse
import http.server
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

try:
    from twilio.request_validator import RequestValidator
except ImportError:  # pragma: no cover
    sys.exit("twilio_e2e: the 'twilio' package is missing: pip install --break-system-packages twilio")

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
AUTH_TOKEN = "e2e-auth-token-" + "%08x" % random.getrandbits(32)
ACCOUNT_SID = "AC" + "%032x" % random.getrandbits(128)
SERVICE_NUMBER = "+15005550006"  # the helpline's own number (Twilio magic test number, not personal data)
MESSAGING_SERVICE_SID = "MG" + "%032x" % random.getrandbits(128)

# Canary phone numbers: unique per run, must never appear in logs or in the data directory.
_CANARY_BASE = random.randrange(100, 900)
_canaries: list[str] = []


def canary() -> str:
    number = "+15550199%03d" % (_CANARY_BASE + len(_canaries))
    _canaries.append(number)
    return number


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def new_sid(prefix: str = "SM") -> str:
    return prefix + "%032x" % random.getrandbits(128)


# --------------------------------------------------------------------------------------------------
# Results

failures: list[str] = []
passes: list[str] = []


def check(name: str, ok: bool, detail: str = "") -> bool:
    if ok:
        passes.append(name)
        print(f"  PASS  {name}")
    else:
        failures.append(f"{name}: {detail}")
        print(f"  FAIL  {name}\n        {detail}")
    return ok


# --------------------------------------------------------------------------------------------------
# Fake Twilio REST API


class FakeTwilio(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), FakeTwilioHandler)
        self.requests: list[dict] = []
        self.lock = threading.Lock()


class FakeTwilioHandler(http.server.BaseHTTPRequestHandler):
    server: FakeTwilio

    def log_message(self, *args) -> None:  # quiet
        pass

    def _record(self) -> dict:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        entry = {"method": self.command, "path": self.path, "headers": dict(self.headers.items()), "body": body}
        with self.server.lock:
            self.server.requests.append(entry)
        return entry

    def do_POST(self) -> None:
        entry = self._record()
        if re.fullmatch(r"/2010-04-01/Accounts/[^/]+/Messages\.json", entry["path"]):
            data = json.dumps({"sid": new_sid(), "status": "queued"}).encode()
            self.send_response(201)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        else:
            self.send_error(404)

    def do_DELETE(self) -> None:
        self._record()
        self.send_response(204)
        self.send_header("Content-Length", "0")
        self.end_headers()


# --------------------------------------------------------------------------------------------------
# Sanctuary server


class Server:
    def __init__(self, binary: str, workdir: str, twilio_api: str) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        # Pre-created with mode 0755, as an operator, a package or systemd's StateDirectory= would.
        self.data = os.path.join(workdir, "data")
        os.makedirs(self.data, exist_ok=True)
        os.chmod(self.data, 0o755)
        self.log_path = os.path.join(workdir, "server.log")
        env = dict(os.environ)
        for key in list(env):
            if key.startswith(("TWILIO_", "SANCTUARY_", "KANNEL_", "VONAGE_", "ANDROID_GATEWAY_")):
                del env[key]
        env.update({
            "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
            "TWILIO_ACCOUNT_SID": ACCOUNT_SID,
            "TWILIO_API_BASE": twilio_api,
            "TWILIO_DELETE_MESSAGES": "true",
            "SANCTUARY_PUBLIC_URL": self.base,
            "LOG_LEVEL": os.environ.get("E2E_LOG_LEVEL", "debug"),
        })
        self.log = open(self.log_path, "wb")
        self.proc = subprocess.Popen([binary, "serve", "--port", str(self.port), "--data", self.data],
                                     cwd=REPO, env=env, stdout=self.log, stderr=subprocess.STDOUT)

    def wait_healthy(self, timeout: float = 90) -> None:
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"sanctuary exited with {self.proc.returncode}; log:\n{self.log_text()[-3000:]}")
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=2) as r:
                    if r.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, OSError):
                pass
            time.sleep(0.3)
        raise RuntimeError("sanctuary did not become healthy in time; log:\n" + self.log_text()[-3000:])

    def healthy(self) -> bool:
        try:
            with urllib.request.urlopen(self.base + "/healthz", timeout=5) as r:
                return r.status == 200
        except Exception:
            return False

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()

    def log_text(self) -> str:
        if not self.log.closed:
            self.log.flush()
        with open(self.log_path, "rb") as f:
            return f.read().decode("utf-8", "replace")


# --------------------------------------------------------------------------------------------------
# HTTP helpers (standard library only)


class Reply:
    def __init__(self, status: int, headers: dict, body: bytes) -> None:
        self.status = status
        self.headers = {k.lower(): v for k, v in headers.items()}
        self.body = body

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")

    def __repr__(self) -> str:
        return f"HTTP {self.status} {self.headers.get('content-type', '')!r} {self.text[:400]!r}"


def http(method: str, url: str, body: bytes | None = None, headers: dict | None = None, timeout: float = 30) -> Reply:
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as r:
            return Reply(r.status, dict(r.headers.items()), r.read())
    except urllib.error.HTTPError as e:
        return Reply(e.code, dict(e.headers.items()), e.read())
    except (ConnectionError, OSError) as e:  # e.g. server closed the connection on a huge body
        return Reply(0, {}, repr(e).encode())


def twilio_fields(from_number: str, body: str, sid: str | None = None) -> list[tuple[str, str]]:
    """The form fields of an inbound SMS webhook, in the order Twilio sends them."""
    sid = sid or new_sid()
    return [
        ("ToCountry", "US"), ("ToState", "TX"), ("SmsMessageSid", sid), ("NumMedia", "0"), ("ToCity", "RIVERSIDE"),
        ("FromZip", "78701"), ("SmsSid", sid), ("FromState", "TX"), ("SmsStatus", "received"), ("FromCity", "AUSTIN"),
        ("Body", body), ("FromCountry", "US"), ("To", SERVICE_NUMBER), ("MessagingServiceSid", MESSAGING_SERVICE_SID),
        ("ToZip", "78702"), ("NumSegments", "1"), ("MessageSid", sid), ("AccountSid", ACCOUNT_SID), ("From", from_number),
        ("ApiVersion", "2010-04-01"),
    ]


def sign(url: str, fields: list[tuple[str, str]], token: str = AUTH_TOKEN) -> str:
    params: dict[str, str] = {}
    for name, value in fields:
        assert name not in params, "repeated names are not used in this test"
        params[name] = value
    return RequestValidator(token).compute_signature(url, params)


def post_form(server: Server, fields: list[tuple[str, str]], signature: str | None = "auto",
              raw_body: bytes | None = None, path: str = "/webhooks/twilio", extra_headers: dict | None = None) -> Reply:
    url = server.base + path
    headers = {"Content-Type": "application/x-www-form-urlencoded", "User-Agent": "TwilioProxy/1.1"}
    if signature == "auto":
        signature = sign(url, fields)
    if signature is not None:
        headers["X-Twilio-Signature"] = signature
    headers.update(extra_headers or {})
    body = raw_body if raw_body is not None else urllib.parse.urlencode(fields).encode("ascii")
    return http("POST", url, body, headers)


def twiml_messages(reply: Reply) -> list[str] | None:
    """The <Message> texts of a TwiML response, or None when it is not TwiML."""
    try:
        root = ET.fromstring(reply.body)
    except ET.ParseError:
        return None
    if root.tag != "Response":
        return None
    out = []
    for child in root:
        if child.tag != "Message":
            return None
        # <Message> may hold text directly or a <Body> element.
        body = child.find("Body")
        out.append((body.text if body is not None else child.text) or "")
    return out


def is_twiml_ok(name: str, reply: Reply) -> list[str] | None:
    ok = reply.status == 200 and reply.headers.get("content-type", "").split(";")[0].strip() == "text/xml"
    messages = twiml_messages(reply) if ok else None
    if not check(f"{name}: 200 text/xml TwiML", ok and messages is not None, f"got {reply!r}"):
        return None
    return messages


def script_share(text: str, lo: int, hi: int) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if lo <= ord(c) <= hi) / len(letters)


# --------------------------------------------------------------------------------------------------
# Checks


def run_checks(server: Server, fake: FakeTwilio) -> None:
    url = server.base + "/webhooks/twilio"

    print("(a) Spanish urgent message")
    es_number = canary()
    spanish = "hay unos de inmigracion golpeando mi puerta q hago??"
    fields = twilio_fields(es_number, spanish)
    reply_a = post_form(server, fields)
    messages = is_twiml_ok("(a) Spanish urgent", reply_a)
    if messages is not None:
        first = messages[0] if messages else ""
        check("(a) first <Message> is the Spanish door answer (puerta/juez)",
              bool(messages) and re.search(r"puerta|juez", first, re.I) is not None,
              f"messages={messages!r}")
        check("(a) XML declaration is UTF-8", reply_a.body.startswith(b'<?xml version="1.0" encoding="UTF-8"?>'),
              f"starts {reply_a.body[:60]!r}")

    print("(b) body changed after signing")
    tampered = twilio_fields(canary(), "necesito comida")
    signature = sign(url, tampered)
    tampered = [(k, "necesito comida para 5" if k == "Body" else v) for k, v in tampered]
    r = post_form(server, tampered, signature=signature)
    check("(b) tampered Body -> 403", r.status == 403, f"got {r!r}")
    # Same, but the change is a From number swap (a forged sender).
    swapped = twilio_fields(canary(), "necesito comida")
    signature = sign(url, swapped)
    swapped = [(k, canary() if k == "From" else v) for k, v in swapped]
    r = post_form(server, swapped, signature=signature)
    check("(b) tampered From -> 403", r.status == 403, f"got {r!r}")
    # Signed for another host, with X-Forwarded-* headers claiming that host: must still be refused.
    forwarded = twilio_fields(canary(), "necesito comida")
    evil_sig = sign("https://evil.example/webhooks/twilio", forwarded)
    r = post_form(server, forwarded, signature=evil_sig,
                  extra_headers={"X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https", "Host": "evil.example"})
    check("(b) signature for a forwarded host -> 403", r.status == 403, f"got {r!r}")
    # Signed with the wrong token.
    wrong = twilio_fields(canary(), "necesito comida")
    r = post_form(server, wrong, signature=sign(url, wrong, token="not-the-token"))
    check("(b) wrong auth token -> 403", r.status == 403, f"got {r!r}")

    print("(c) missing signature")
    r = post_form(server, twilio_fields(canary(), "necesito comida"), signature=None)
    check("(c) no X-Twilio-Signature -> 403", r.status == 403, f"got {r!r}")
    r = post_form(server, twilio_fields(canary(), "necesito comida"), signature="")
    check("(c) empty X-Twilio-Signature -> 403", r.status == 403, f"got {r!r}")

    print("(d) Twilio retry: same MessageSid twice")
    dup_number = canary()
    dup_fields = twilio_fields(dup_number, "donde puedo conseguir comida gratis")
    first = post_form(server, dup_fields)
    second = post_form(server, dup_fields)
    m1 = is_twiml_ok("(d) first delivery", first)
    is_twiml_ok("(d) retried delivery", second)
    check("(d) retried MessageSid -> byte-identical TwiML", first.body == second.body and bool(m1),
          f"first={first!r}\n        second={second!r}")
    # The original urgent Spanish message retried after other traffic: still the same answer.
    again = post_form(server, fields)
    check("(d) urgent message retried later -> identical TwiML", again.body == reply_a.body,
          f"first={reply_a!r}\n        again={again!r}")

    print("(e) Arabic and Ukrainian")
    ar = post_form(server, twilio_fields(canary(), "الشرطة عند الباب ماذا أفعل"))
    ar_messages = is_twiml_ok("(e) Arabic", ar)
    if ar_messages is not None:
        joined = " ".join(ar_messages)
        check("(e) Arabic message answered in Arabic script", bool(ar_messages) and script_share(joined, 0x0600, 0x06FF) > 0.8,
              f"Arabic-script share {script_share(joined, 0x0600, 0x06FF):.2f}; messages={ar_messages!r}")
    uk = post_form(server, twilio_fields(canary(), "Привіт, де можна отримати безкоштовну їжу?"))
    uk_messages = is_twiml_ok("(e) Ukrainian", uk)
    if uk_messages is not None:
        joined = " ".join(uk_messages)
        # A food question is answered from the services directory: organisation names and streets stay as
        # written (Latin), the words around them are Ukrainian.
        check("(e) Ukrainian message answered in Cyrillic", bool(uk_messages) and script_share(joined, 0x0400, 0x04FF) > 0.25,
              f"Cyrillic share {script_share(joined, 0x0400, 0x04FF):.2f}; messages={uk_messages!r}")

    print("(f) STOP handling")
    door = post_form(server, twilio_fields(canary(), "STOP they are at the door"))
    door_messages = is_twiml_ok("(f) 'STOP they are at the door'", door)
    if door_messages is not None:
        first_text = door_messages[0] if door_messages else ""
        check("(f) 'STOP they are at the door' gets the door safety answer, not an opt-out",
              bool(door_messages) and re.search(r"\bdoor\b", first_text, re.I) is not None
              and re.search(r"no more messages|unsubscribed|opted out", " ".join(door_messages), re.I) is None,
              f"messages={door_messages!r}")
    stop_number = canary()
    stop = post_form(server, twilio_fields(stop_number, "STOP"))
    stop_messages = is_twiml_ok("(f) 'STOP'", stop)
    if stop_messages is not None:
        check("(f) 'STOP' alone gets one confirmation", len(stop_messages) == 1 and len(stop_messages[0]) > 10,
              f"messages={stop_messages!r}")
    after = post_form(server, twilio_fields(stop_number, "where can I find a food bank"))
    after_messages = is_twiml_ok("(f) message after STOP", after)
    if after_messages is not None:
        check("(f) non-urgent message after STOP -> empty <Response/>", after_messages == [],
              f"got {after!r}")

    print("(h) malformed requests")
    malformed: list[tuple[str, Reply, tuple[int, ...]]] = []
    base = urllib.parse.urlencode(twilio_fields(canary(), "hola")).encode()
    bad_pct = base.replace(b"Body=hola", b"Body=ho%ZZla%")
    malformed.append(("invalid percent-encoding", post_form(server, [], signature="AAAA", raw_body=bad_pct), ()))
    bad_utf8 = base.replace(b"Body=hola", b"Body=ho%FF%FEla")
    malformed.append(("invalid UTF-8 (percent-encoded)", post_form(server, [], signature="AAAA", raw_body=bad_utf8), ()))
    raw_utf8 = base.replace(b"Body=hola", b"Body=ho\xff\xc3la")
    malformed.append(("invalid UTF-8 (raw bytes)", post_form(server, [], signature="AAAA", raw_body=raw_utf8), ()))
    # A validly signed body with invalid UTF-8 can't be signed by the library; the server must refuse before using it.
    big = base.replace(b"Body=hola", b"Body=" + b"a" * (1024 * 1024))
    malformed.append(("1 MB body", post_form(server, [], signature="AAAA", raw_body=big), (413,)))
    json_body = json.dumps({"Body": "hola", "From": canary()}).encode()
    malformed.append(("JSON body without bodySHA256", http("POST", url, json_body,
                      {"Content-Type": "application/json", "X-Twilio-Signature": "AAAA"}), ()))
    malformed.append(("text/plain body", http("POST", url, b"Body=hola", {"Content-Type": "text/plain", "X-Twilio-Signature": "AAAA"}), ()))
    malformed.append(("unknown path", post_form(server, twilio_fields(canary(), "hola"), path="/webhooks/twilio-nope"), (404,)))
    malformed.append(("GET on the webhook", http("GET", url), ()))
    for name, reply, expected in malformed:
        ok = 400 <= reply.status < 500 and (not expected or reply.status in expected)
        check(f"(h) {name} -> 4xx (got {reply.status})", ok, f"got {reply!r}")
    check("(h) server still healthy after malformed requests", server.healthy(), "GET /healthz failed")
    r = post_form(server, twilio_fields(canary(), "necesito comida"))
    check("(h) server still answers a valid webhook", r.status == 200 and bool(twiml_messages(r)), f"got {r!r}")

    # (i) TWILIO_DELETE_MESSAGES: each handled (non-duplicate) inbound message is deleted at Twilio.
    print("(i) fake Twilio API")
    time.sleep(1.5)  # deletions run in the background
    with fake.lock:
        seen = list(fake.requests)
    deletes = [e for e in seen if e["method"] == "DELETE"]
    sid_a = dict(fields)["MessageSid"]
    deleted_paths = [e["path"] for e in deletes]
    check("(i) inbound message deleted at Twilio (DELETE …/Messages/{Sid}.json)",
          any(p.endswith(f"/Messages/{sid_a}.json") for p in deleted_paths),
          f"DELETE requests: {deleted_paths!r}")
    dup_sid = dict(dup_fields)["MessageSid"]
    n_dup = sum(1 for p in deleted_paths if p.endswith(f"/Messages/{dup_sid}.json"))
    check("(i) duplicate delivery deleted once", n_dup == 1, f"{n_dup} DELETE for {dup_sid}")
    auth_ok = all(e["headers"].get("Authorization", "").startswith("Basic ") for e in seen)
    check("(i) calls to the Twilio API use Basic auth", auth_ok, "missing Authorization header")
    kinds = sorted({e["method"] + " " + re.sub(r"(AC|SM)[0-9a-f]{32}", r"\1…", e["path"]) for e in seen})
    print(f"        fake Twilio API saw {len(seen)} request(s): " + ", ".join(kinds))


def scan_for_canaries(server: Server, phase: str, extra_files: list[str] | None = None) -> list[str]:
    """(g) No canary number (nor its digits) in the log or any data file, as UTF-8/ASCII or UTF-16."""
    needles: list[tuple[str, bytes]] = []
    for number in _canaries:
        digits = number.lstrip("+")          # 15550199xxx
        national = digits[1:]                # 5550199xxx
        for form in {number, digits, national, "%2B" + digits}:
            needles.append((form, form.encode()))
            needles.append((form + " (UTF-16LE)", form.encode("utf-16-le")))
            needles.append((form + " (UTF-16BE)", form.encode("utf-16-be")))
    extra_files = extra_files or []
    text_needles = [("message text 'golpeando'", "golpeando"), ("message text 'inmigracion'", "inmigracion")]
    for label, t in text_needles:
        needles.append((label, t.encode()))
        needles.append((label + " (UTF-16LE)", t.encode("utf-16-le")))

    files = [server.log_path] + extra_files
    for root, _dirs, names in os.walk(server.data):
        files.extend(os.path.join(root, n) for n in names)
    hits = []
    for path in files:
        try:
            with open(path, "rb") as f:
                blob = f.read()
        except OSError:
            continue
        for label, needle in needles:
            if needle in blob:
                at = blob.find(needle)
                hits.append(f"{os.path.relpath(path, os.path.dirname(server.data))}: {label} at byte {at}")
    listing = ", ".join(sorted(os.path.relpath(p, os.path.dirname(server.data)) for p in files))
    if phase == "control":
        return hits
    check(f"(g) {phase}: no phone number or message text in log/data files ({len(files)} files: {listing})",
          not hits, "found: " + "; ".join(hits[:20]))
    return hits


def check_file_modes(server: Server) -> None:
    # The database and its -wal/-shm companions hold conversation state: owner-only, like the database.
    loose = []
    for root, _dirs, names in os.walk(server.data):
        for n in names:
            mode = os.stat(os.path.join(root, n)).st_mode & 0o777
            if mode & 0o077:
                loose.append(f"{n} {mode:o}")
    check("(g) files in the data directory are not group/world-readable", not loose, "modes: " + ", ".join(loose))


def copy_binary(source: str, target: str, attempts: int = 10) -> bool:
    """Copies the binary (another engineer may be rebuilding it) and checks that the copy runs."""
    for attempt in range(attempts):
        try:
            before = os.stat(source).st_size
            time.sleep(1)
            if os.stat(source).st_size == before:
                shutil.copy2(source, target)
                probe = subprocess.run([target, "--help"], capture_output=True, timeout=60)
                if probe.returncode == 0:
                    return True
                problem = f"exit {probe.returncode}"
            else:
                problem = "still being written"
        except (OSError, subprocess.SubprocessError) as e:
            problem = str(e)
        print(f"twilio_e2e: {source} not usable ({problem}); waiting 30 s", file=sys.stderr)
        time.sleep(30)
    return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(REPO, ".build", "debug", "sanctuary"))
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory (log, data)")
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="sanctuary-twilio-e2e-")
    binary = os.path.join(workdir, "sanctuary")
    if not copy_binary(args.binary, binary):
        print(f"twilio_e2e: FAIL: no usable sanctuary binary at {args.binary}", file=sys.stderr)
        return 1

    fake = FakeTwilio()
    threading.Thread(target=fake.serve_forever, daemon=True).start()
    fake_base = f"http://127.0.0.1:{fake.server_address[1]}"
    server = None
    up = False
    for attempt in range(6):
        server = Server(binary, workdir, fake_base)
        started = time.time()
        try:
            server.wait_healthy()
            up = True
            break
        except RuntimeError as e:
            server.stop()
            if "content has" in str(e) and attempt < 5:
                # The working tree's content is newer than the binary (another engineer mid-change): wait, recopy.
                print("twilio_e2e: sanctuary refused the content (working tree newer than the binary?); retrying in 30 s",
                      file=sys.stderr)
                time.sleep(30)
                shutil.rmtree(server.data, ignore_errors=True)
                if not copy_binary(args.binary, binary):
                    break
                continue
            print(f"twilio_e2e: FAIL: {e}")
            fake.shutdown()
            return 1
    if not up:
        print("twilio_e2e: FAIL: sanctuary did not start")
        fake.shutdown()
        return 1
    try:
        print(f"sanctuary up on {server.base} in {time.time() - started:.1f}s (workdir {workdir})")
        run_checks(server, fake)
        scan_for_canaries(server, "while running")
        check_file_modes(server)  # while running: the -wal/-shm files exist only then
    except Exception as e:  # a crash of the test itself is a failure too
        import traceback
        traceback.print_exc()
        failures.append(f"test aborted: {e!r}")
    finally:
        server.stop()
        fake.shutdown()
    # Positive control: the scanner must find a canary written as UTF-16 into a file.
    control = os.path.join(workdir, "control.bin")
    with open(control, "wb") as f:
        f.write(b"\x00junk" + _canaries[0].encode("utf-16-le") + b"junk")
    check("(g) scanner positive control finds a UTF-16 canary", bool(scan_for_canaries(server, "control", [control])), "scanner is blind")
    os.remove(control)
    # After shutdown: the WAL may have been checkpointed into the main file; scan again.
    scan_for_canaries(server, "after shutdown")
    log = server.log_text()
    # Secrets: the auth token must not be logged, whatever the log level (this run uses LOG_LEVEL=debug).
    at = log.find(AUTH_TOKEN)
    check(f"(g) TWILIO_AUTH_TOKEN not in the server log (LOG_LEVEL={os.environ.get('E2E_LOG_LEVEL', 'debug')})", at < 0,
          "found: " + (log[max(0, log.rfind(chr(10), 0, at) + 1):at + len(AUTH_TOKEN)][-300:] if at >= 0 else ""))
    crash = re.search(r"Fatal error|fatalError|Segmentation fault|unhandled error", log)
    check("server log has no crash / unhandled error", crash is None, crash.group(0) if crash else "")

    print()
    print(f"twilio_e2e: {len(passes)} passed, {len(failures)} failed "
          f"({len(_canaries)} canary numbers, log {server.log_path})")
    if failures:
        print("FAILURES:")
        for f in failures:
            print("  - " + f)
    if args.keep or failures:
        print(f"kept {workdir}")
    else:
        shutil.rmtree(workdir, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
