#!/usr/bin/env python3
"""The advocate console in a real browser (headless Chromium through Selenium/chromedriver).

Journey 1 from the advocate's side: Tomás signs in; Marisol's urgent SMS arrives through a signed Twilio
webhook and appears in the queue without a reload (server-sent events) with a visible alert; he opens it,
claims it, picks a canned Spanish reply, sees the SMS segment count, sends it (it reaches a fake Twilio
Messages API), and closes the case. Screenshots go to artifacts/console/. The resident's number must never
appear on any page.

    scripts/e2e/console_browser.py [--binary PATH]
"""
import argparse
import http.server
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request

from twilio.request_validator import RequestValidator

os.environ.setdefault("SE_OFFLINE", "true")
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
TOKEN = "browser-test-token"
ACCOUNT = "AC" + "0" * 32
PHONE = "+15550166401"
ARTIFACTS = os.path.join(REPO, "artifacts", "console")

failures = []


def check(name, ok, detail=""):
    print(("  PASS  " if ok else "  FAIL  ") + name + ("" if ok else f"  ({detail})"))
    if not ok:
        failures.append(name)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class FakeTwilio(http.server.BaseHTTPRequestHandler):
    sent = []

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length).decode()
        FakeTwilio.sent.append({"path": self.path, "form": urllib.parse.parse_qs(body)})
        reply = json.dumps({"sid": "SM" + "f" * 32, "status": "queued"}).encode()
        self.send_response(201)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    def log_message(self, *args):
        pass


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(REPO, ".build", "debug", "sanctuary"))
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="sanctuary-console-")
    binary = os.path.join(work, "sanctuary")
    shutil.copy(args.binary, binary)
    os.makedirs(ARTIFACTS, exist_ok=True)
    data = os.path.join(work, "data")

    def cli(*argv, stdin=None):
        return subprocess.run([binary, *argv, "--data", data], cwd=REPO, input=stdin, text=True, capture_output=True)

    r = cli("advocate", "add", "tomas", "--team", "legal", stdin="tomas password 1\n")
    check("advocate add tomas", r.returncode == 0, r.stderr)

    twilio_port = free_port()
    fake = http.server.ThreadingHTTPServer(("127.0.0.1", twilio_port), FakeTwilio)
    threading.Thread(target=fake.serve_forever, daemon=True).start()

    port = free_port()
    base = f"http://localhost:{port}"
    env = dict(os.environ, SANCTUARY_PORT=str(port), SANCTUARY_DATA=data, SANCTUARY_PUBLIC_URL=base,
               TWILIO_AUTH_TOKEN=TOKEN, TWILIO_ACCOUNT_SID=ACCOUNT, TWILIO_FROM="+15550100000",
               TWILIO_API_BASE=f"http://127.0.0.1:{twilio_port}", SANCTUARY_OFFICE_HOURS="mon-sun 00:00-24:00")
    log = open(os.path.join(work, "server.log"), "w")
    server = subprocess.Popen([binary, "serve"], cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    driver = None
    try:
        for _ in range(240):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1)
                break
            except Exception:
                time.sleep(0.25)
        else:
            raise SystemExit("server did not start")

        home = os.path.join(work, "home")
        os.makedirs(home, exist_ok=True)
        os.environ.update(HOME=home, TMPDIR=work, SE_CACHE_PATH=os.path.join(work, "se-cache"))
        options = webdriver.ChromeOptions()
        for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1200,900",
                     "--autoplay-policy=no-user-gesture-required"]:
            options.add_argument(flag)
        options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        driver = webdriver.Chrome(service=Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
        wait = WebDriverWait(driver, 10)
        pages = []

        def shot(name):
            driver.save_screenshot(os.path.join(ARTIFACTS, name + ".png"))
            pages.append(driver.page_source)

        print("sign in")
        driver.get(base + "/console/login?ui=es")
        driver.find_element(By.ID, "login").send_keys("tomas")
        driver.find_element(By.ID, "password").send_keys("tomas password 1")
        shot("01-login")
        driver.find_element(By.CSS_SELECTOR, "#login-form button[type=submit]").click()
        wait.until(EC.presence_of_element_located((By.ID, "queue")))
        check("signed in, queue shown", "/console" in driver.current_url)
        cookies = {c["name"]: c for c in driver.get_cookies()}
        session = cookies.get("__Host-sanctuary", {})
        check("session cookie is HttpOnly, Secure, SameSite=Strict",
              session.get("httpOnly") and session.get("secure") and session.get("sameSite") == "Strict", session)
        time.sleep(0.5)  # EventSource connected
        shot("02-empty-queue")

        print("an urgent SMS arrives through the Twilio webhook")
        params = {"MessageSid": "SM" + "1" * 32, "AccountSid": ACCOUNT, "From": PHONE, "To": "+15550100000",
                  "Body": "hay unos de inmigracion golpeando mi puerta q hago??", "NumMedia": "0",
                  "FromCity": "RIVERSIDE", "FromZip": "60601"}
        url = base + "/webhooks/twilio"
        signature = RequestValidator(TOKEN).compute_signature(url, params)
        request = urllib.request.Request(url, data=urllib.parse.urlencode(params).encode(),
                                         headers={"X-Twilio-Signature": signature, "Content-Type": "application/x-www-form-urlencoded"})
        twiml = urllib.request.urlopen(request, timeout=10).read().decode()
        check("resident gets the Spanish safety answer as TwiML", "No abra la puerta" in twiml, twiml[:200])

        row = wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "#queue tr.urgent")))
        check("urgent case appears in the queue without a reload", "kyr_door" in row.text, row.text)
        check("routed to Tomás's team (demo routing: rights -> legal)", "legal" in row.text, row.text)
        alert = driver.find_element(By.ID, "alert")
        check("a visible alert is shown", alert.is_displayed() and alert.text.strip() != "", alert.text)
        shot("03-urgent-case-arrived")

        print("claim, reply, close")
        row.find_element(By.TAG_NAME, "a").click()
        wait.until(EC.presence_of_element_located((By.ID, "transcript")))
        driver.find_element(By.ID, "claim").click()
        wait.until(EC.text_to_be_present_in_element((By.ID, "claimed-by"), "tomas"))
        canned = driver.find_elements(By.CSS_SELECTOR, "button.canned")
        check("the console speaks Spanish after ?ui=es", "Responder a la persona" in driver.page_source)
        check("canned Spanish replies offered", any("papel" in b.text for b in canned), [b.text for b in canned])
        next(b for b in canned if "papel" in b.text).click()
        driver.find_element(By.ID, "reply").send_keys(" Estamos con usted.")
        wait.until(lambda d: "1" in d.find_element(By.ID, "sms-info").text)
        check("SMS segment count shown while typing", driver.find_element(By.ID, "sms-info").text.strip() != "")
        shot("04-case-reply")
        driver.find_element(By.ID, "send").click()
        try:
            wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "#transcript li.advocate")))
        except Exception:
            shot("05-reply-failed")
            print(driver.current_url)
            print(driver.find_element(By.TAG_NAME, "main").text[:1500])
            raise
        for _ in range(40):
            if FakeTwilio.sent:
                break
            time.sleep(0.25)
        sent = FakeTwilio.sent[0]["form"] if FakeTwilio.sent else {}
        check("the reply reaches the Twilio Messages API", sent.get("To") == [PHONE] and "papel" in sent.get("Body", [""])[0], sent)
        check("sent through the account's Messages endpoint", bool(FakeTwilio.sent) and FakeTwilio.sent[0]["path"] == f"/2010-04-01/Accounts/{ACCOUNT}/Messages.json")
        shot("05-reply-sent")
        driver.find_element(By.ID, "close").click()
        wait.until(EC.presence_of_element_located((By.ID, "queue")))
        check("closed case leaves the queue", "kyr_door" not in driver.find_element(By.ID, "queue").text)
        shot("06-closed")

        severe = [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
        check("no errors in the browser console (CSP, script)", not severe, severe)
        digits = PHONE.lstrip("+")
        check("no page ever showed the resident's number", not any(digits in p or digits[1:] in p for p in pages))
        server_log = open(os.path.join(work, "server.log")).read()
        check("the server log does not contain the number", digits[1:] not in server_log)
    finally:
        if driver:
            driver.quit()
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            failures.append("server did not stop within 10 s of SIGTERM")
            server.kill()
        fake.shutdown()

    print(f"console_browser: {'FAILED ' + str(len(failures)) if failures else 'all passed'}; screenshots in {ARTIFACTS}")
    if failures:
        print("server log: " + os.path.join(work, "server.log"))
        sys.exit(1)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
