#!/usr/bin/env bash
# End-to-end test of Sanctuary behind a real Kannel (Debian packages kannel + kannel-extras):
#   fakesmsc  ->  bearerbox (smsc = fake)  ->  smsbox (sms-service get-url)  ->  sanctuary /webhooks/kannel
# and the reply back the same way. Everything listens on 127.0.0.1 on free ports.
#
#   scripts/e2e/kannel_e2e.sh [--keep]          (SANCTUARY_BIN=path overrides .build/debug/sanctuary)
#
# Checks, for a Spanish "necesito comida" and an Arabic urgent message sent as UCS-2 through fakesmsc:
#   - fakesmsc prints "Got message" with the reply; parts (UDH concatenation) are reassembled;
#   - the reply is in the right language/script: Spanish text for Spanish, Arabic script (not '?') for Arabic;
#   - the reply equals what Sanctuary answers over HTTP directly (nothing lost or mangled by Kannel);
#   - no "Could not fetch content" from smsbox; the canary numbers never reach Sanctuary's log or data dir.
# Exit 0 when all checks pass, 1 otherwise. Needs root (or sudo) only to install the packages when missing.
set -u -o pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
KEEP=0
[ "${1:-}" = "--keep" ] && KEEP=1
FAKESMSC=/usr/lib/kannel/test/fakesmsc

log() { printf '%s\n' "$*"; }
fail_count=0
pass_count=0
pass() { pass_count=$((pass_count + 1)); log "  PASS  $*"; }
fail() { fail_count=$((fail_count + 1)); FAILURES="${FAILURES:-}
  - $*"; log "  FAIL  $*"; }

# ---------------------------------------------------------------------------------------------------
# Packages
need=()
for p in kannel kannel-extras; do
    dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
    log "installing ${need[*]}"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get install -y "${need[@]}" >/dev/null 2>&1 \
        || { $SUDO apt-get update >/dev/null 2>&1 && $SUDO apt-get install -y "${need[@]}" >/dev/null; } \
        || { log "kannel_e2e: FAIL: cannot install ${need[*]}"; exit 1; }
fi
for f in /usr/sbin/bearerbox /usr/sbin/smsbox "$FAKESMSC"; do
    [ -x "$f" ] || { log "kannel_e2e: FAIL: $f missing"; exit 1; }
done

# ---------------------------------------------------------------------------------------------------
# Work directory, processes, cleanup
WORK="$(mktemp -d /tmp/sanctuary-kannel-e2e.XXXXXX)"
PIDS_SERVER="" PID_BB="" PID_SB="" PID_FAKE=""
stop_pid() {  # stop_pid PID [signal]: only processes this script started, by id
    local pid="$1" sig="${2:-TERM}"
    [ -n "$pid" ] || return 0
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null; return 0; }
    kill -"$sig" "$pid" 2>/dev/null
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    return 0
}
stop_boxes() {
    stop_pid "$PID_FAKE" INT; PID_FAKE=""
    stop_pid "$PID_SB"; PID_SB=""
    stop_pid "$PID_BB"; PID_BB=""
}
cleanup() {
    stop_boxes
    stop_pid "$PIDS_SERVER"; PIDS_SERVER=""
    if [ "$KEEP" = 1 ] || [ "$fail_count" -gt 0 ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# ---------------------------------------------------------------------------------------------------
# Sanctuary (a private copy of the binary: another engineer may rebuild it meanwhile)
SRC_BIN="${SANCTUARY_BIN:-$REPO/.build/debug/sanctuary}"
BIN="$WORK/sanctuary"
copy_binary() {
    for _ in $(seq 1 10); do
        if [ -x "$SRC_BIN" ]; then
            s1=$(stat -c %s "$SRC_BIN"); sleep 1; s2=$(stat -c %s "$SRC_BIN")
            if [ "$s1" = "$s2" ] && cp "$SRC_BIN" "$BIN" && "$BIN" --help >/dev/null 2>&1; then return 0; fi
        fi
        log "kannel_e2e: $SRC_BIN not usable yet (missing or being rebuilt); waiting 30 s"
        sleep 30
    done
    return 1
}

SECRET="k$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
SPORT=$(free_port)
SURL="http://127.0.0.1:$SPORT"
mkdir -p "$WORK/data"
start_server() {
    ( cd "$REPO" && exec env -u TWILIO_AUTH_TOKEN -u VONAGE_SIGNATURE_SECRET -u ANDROID_GATEWAY_SIGNING_KEY \
        KANNEL_SECRET="$SECRET" SANCTUARY_PUBLIC_URL="$SURL" \
        "$BIN" serve --port "$SPORT" --data "$WORK/data" ) >"$WORK/server.log" 2>&1 &
    PIDS_SERVER=$!
    for _ in $(seq 1 300); do
        kill -0 "$PIDS_SERVER" 2>/dev/null || break
        if curl -sf -o /dev/null "$SURL/healthz"; then return 0; fi
        sleep 0.3
    done
    stop_pid "$PIDS_SERVER"; PIDS_SERVER=""
    return 1
}
up=0
for attempt in 1 2 3 4 5 6; do
    copy_binary || { log "kannel_e2e: FAIL: no usable sanctuary binary"; exit 1; }
    if start_server; then up=1; break; fi
    # Content in the working tree newer than the binary (another engineer mid-change): wait for the rebuild.
    if grep -q 'content has .* error' "$WORK/server.log" && [ "$attempt" -lt 6 ]; then
        log "kannel_e2e: sanctuary refused the content (working tree newer than the binary?); retrying in 30 s"
        sleep 30
    else
        break
    fi
done
[ "$up" = 1 ] || { log "kannel_e2e: FAIL: sanctuary did not start"; tail -20 "$WORK/server.log"; fail_count=1; exit 1; }
log "sanctuary up on $SURL (work dir $WORK)"

# ---------------------------------------------------------------------------------------------------
# Kannel boxes (restarted for every message: queued replies must not leak into the next test)
ADMIN_PW="a$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
start_boxes() {  # start_boxes NAME
    local name="$1" dir="$WORK/$1"
    mkdir -p "$dir/spool"
    ADMIN_PORT=$(free_port); SMSBOX_PORT=$(free_port); FAKE_PORT=$(free_port)
    sed -e "s|@ADMIN_PORT@|$ADMIN_PORT|g" -e "s|@ADMIN_PASSWORD@|$ADMIN_PW|g" -e "s|@SMSBOX_PORT@|$SMSBOX_PORT|g" \
        -e "s|@FAKESMSC_PORT@|$FAKE_PORT|g" -e "s|@WORKDIR@|$dir|g" -e "s|@SANCTUARY_URL@|$SURL|g" \
        -e "s|@SECRET@|$SECRET|g" "$HERE/kannel.conf.template" >"$dir/kannel.conf"
    if grep -v '^#' "$dir/kannel.conf" | grep -q '@[A-Z_]*@'; then log "unfilled placeholder in $dir/kannel.conf"; return 1; fi
    /usr/sbin/bearerbox "$dir/kannel.conf" >"$dir/bearerbox.out" 2>&1 &
    PID_BB=$!
    local ready=0
    for _ in $(seq 1 100); do
        curl -sf -o /dev/null "http://127.0.0.1:$ADMIN_PORT/status.txt?password=$ADMIN_PW" && { ready=1; break; }
        kill -0 "$PID_BB" 2>/dev/null || break
        sleep 0.1
    done
    [ "$ready" = 1 ] || { log "bearerbox did not start:"; tail -5 "$dir/bearerbox.out"; return 1; }
    /usr/sbin/smsbox "$dir/kannel.conf" >"$dir/smsbox.out" 2>&1 &
    PID_SB=$!
    ready=0
    for _ in $(seq 1 100); do  # wait until smsbox is connected to bearerbox
        if curl -sf "http://127.0.0.1:$ADMIN_PORT/status.txt?password=$ADMIN_PW" | grep -q 'smsbox:'; then ready=1; break; fi
        kill -0 "$PID_SB" 2>/dev/null || break
        sleep 0.1
    done
    [ "$ready" = 1 ] || { log "smsbox did not connect:"; tail -5 "$dir/smsbox.out"; return 1; }
}

# send NAME FROM TYPE PAYLOAD: one MO message through fakesmsc; its output goes to $WORK/NAME/fakesmsc.out.
send() {
    local name="$1" from="$2" type="$3" payload="$4" dir="$WORK/$1"
    mkdir -p "$dir"; : >"$dir/fakesmsc.out"
    start_boxes "$name" || { fail "$name: Kannel did not start"; stop_boxes; return 1; }
    "$FAKESMSC" -H 127.0.0.1 -r "$FAKE_PORT" -m 1 "$from 12345 $type $payload" >"$dir/fakesmsc.out" 2>&1 &
    PID_FAKE=$!
    # Wait for the first reply, then until no more parts arrive for 1.5 s (at most 30 s in all).
    local n=0 last=0 stable=0
    for _ in $(seq 1 300); do
        n=$(grep -c 'Got message' "$dir/fakesmsc.out" 2>/dev/null)
        if [ "$n" -gt 0 ] && [ "$n" = "$last" ]; then
            stable=$((stable + 1)); [ "$stable" -ge 15 ] && break
        else
            stable=0
        fi
        last=$n
        sleep 0.1
    done
    stop_boxes
}

# decode NAME: reassembles the "Got message" lines (UDH concatenation, UCS-2 or text) into $WORK/NAME/reply.txt
decode() {
    : >"$WORK/$1/reply.txt"
    python3 - "$WORK/$1/fakesmsc.out" "$WORK/$1/reply.txt" <<'PY'
import re, sys, urllib.parse
lines = [l for l in open(sys.argv[1], encoding="latin-1") if "Got message" in l]
parts = []
for l in lines:
    inner = l.split("Got message", 1)[1].split(": <", 1)[1].rsplit(">", 1)[0]
    tokens = inner.split(" ")
    udh = b""
    rest = tokens[2:]
    if rest and rest[0] == "udh":
        udh = urllib.parse.unquote_to_bytes(rest[1]); rest = rest[2:]
    kind, payload = rest[0], " ".join(rest[1:])
    data = payload.encode("latin-1") if kind == "text" else urllib.parse.unquote_to_bytes(payload.replace("+", "%20"))  # Kannel url-encodes ' ' as '+'
    ucs2 = kind == "ucs2"
    if kind == "data" and len(data) % 2 == 0 and data:
        highs = data[0::2]
        # UTF-16BE of Latin/Arabic/Cyrillic/Ge'ez/punctuation text: high bytes are few and small.
        ucs2 = sum(1 for b in highs if b in (0x00, 0x04, 0x05, 0x06, 0x12, 0x13, 0x20, 0xFB, 0xFE)) >= 0.9 * len(highs)
    text = data.decode("utf-16-be", "replace") if ucs2 else data.decode("utf-8", "replace")
    seq = (udh[4], udh[5]) if len(udh) >= 6 and udh[1] == 0 else (1, 1)
    parts.append((seq[1], seq, text, "ucs2" if ucs2 else kind))
parts.sort(key=lambda p: p[1][1])
whole = "".join(p[2] for p in parts)
open(sys.argv[2], "w", encoding="utf-8").write(whole)
print(f"{len(parts)} part(s) [{', '.join(sorted(set(p[3] for p in parts)))}]")
PY
}

# direct NAME FROM TEXT: Sanctuary's answer over plain HTTP (what Kannel should deliver), into $WORK/NAME/direct.txt
direct() {
    curl -s -G "$SURL/webhooks/kannel" --data-urlencode "k=$SECRET" --data-urlencode "from=$2" \
        --data-urlencode "text=$3" -o "$WORK/$1/direct.txt" -D "$WORK/$1/direct.headers"
}

# Canary numbers, unique per run
BASE=$((RANDOM % 800 + 100))
N_ES="+15550199$BASE"; N_ES2="+15550199$((BASE + 1))"; N_AR="+15550199$((BASE + 2))"; N_AR2="+15550199$((BASE + 3))"

# ---------------------------------------------------------------------------------------------------
log "(1) Spanish: necesito comida"
send es "$N_ES" text "necesito comida"
info=$(decode es)
n=$(grep -c 'Got message' "$WORK/es/fakesmsc.out")
if [ "$n" -gt 0 ]; then pass "es: fakesmsc got the reply ($info)"; else fail "es: no 'Got message' from fakesmsc (see $WORK/es/fakesmsc.out, smsbox.log)"; fi
reply_es="$(cat "$WORK/es/reply.txt")"
log "        reply: ${reply_es:0:160}…"
if printf '%s' "$reply_es" | grep -qiE 'comida|despensa|comedor|abre hoy|abierto|no piden'; then pass "es: reply is the Spanish food answer"
else fail "es: reply not Spanish food answer: '${reply_es:0:200}'"; fi
if printf '%s' "$reply_es" | grep -q 'Could not fetch content'; then fail "es: smsbox could not fetch content from Sanctuary"; fi
direct es "$N_ES2" "necesito comida"
if [ "$reply_es" = "$(cat "$WORK/es/direct.txt")" ]; then pass "es: reply through Kannel == Sanctuary's HTTP answer (accents intact)"
else fail "es: reply through Kannel differs from the HTTP answer:
        kannel: $reply_es
        http:   $(cat "$WORK/es/direct.txt")"; fi

log "(2) Arabic (UCS-2 from the phone)"
AR_TEXT="الشرطة عند الباب ماذا أفعل"
AR_PAYLOAD=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote_from_bytes(sys.argv[1].encode("utf-16-be"), safe=""))' "$AR_TEXT")
send ar "$N_AR" ucs2 "$AR_PAYLOAD"
info=$(decode ar)
n=$(grep -c 'Got message' "$WORK/ar/fakesmsc.out")
if [ "$n" -gt 0 ]; then pass "ar: fakesmsc got the reply ($info)"; else fail "ar: no 'Got message' from fakesmsc (see $WORK/ar/fakesmsc.out)"; fi
reply_ar="$(cat "$WORK/ar/reply.txt")"
log "        reply: ${reply_ar:0:120}…"
share=$(python3 -c '
import sys
t = open(sys.argv[1], encoding="utf-8").read()
letters = [c for c in t if c.isalpha()]
print(f"{(sum(1 for c in letters if 0x600 <= ord(c) <= 0x6FF) / len(letters)) if letters else 0:.2f}")' "$WORK/ar/reply.txt")
qmarks=$(printf '%s' "$reply_ar" | tr -cd '?' | wc -c)
if python3 -c 'import sys; sys.exit(0 if float(sys.argv[1]) > 0.8 else 1)' "$share" && [ "$qmarks" -lt 3 ]; then
    pass "ar: reply in Arabic script (share $share, '?' count $qmarks)"
else fail "ar: reply not intact Arabic (Arabic share $share, '?' count $qmarks): '${reply_ar:0:200}'"; fi
if grep -q 'Starting to service <الشرطة' "$WORK/ar/smsbox.log" 2>/dev/null || grep -q "$(printf '%s' "$AR_TEXT" | cut -c1-6)" "$WORK/ar/smsbox.log"; then
    pass "ar: smsbox passed the UCS-2 MO on as UTF-8 (mo-recode)"
else log "        (note: could not confirm mo-recode in smsbox.log)"; fi
direct ar "$N_AR2" "$AR_TEXT"
if [ "$reply_ar" = "$(cat "$WORK/ar/direct.txt")" ]; then pass "ar: reply through Kannel == Sanctuary's HTTP answer"
else fail "ar: reply through Kannel differs from the HTTP answer:
        kannel: $reply_ar
        http:   $(cat "$WORK/ar/direct.txt")"; fi
if grep -qi '^X-Kannel-Coding: 2' "$WORK/ar/direct.headers"; then pass "ar: Sanctuary sent X-Kannel-Coding: 2"
else fail "ar: no X-Kannel-Coding: 2 header in Sanctuary's answer"; fi

log "(3) secret and privacy"
code=$(curl -s -o /dev/null -w '%{http_code}' -G "$SURL/webhooks/kannel" --data-urlencode "k=wrong$SECRET" \
    --data-urlencode "from=$N_ES" --data-urlencode "text=hola")
if [ "$code" = 403 ]; then pass "wrong k -> 403"; else fail "wrong k -> $code (expected 403)"; fi
code=$(curl -s -o /dev/null -w '%{http_code}' -G "$SURL/webhooks/kannel" --data-urlencode "from=$N_ES" --data-urlencode "text=hola")
if [ "$code" = 403 ]; then pass "missing k -> 403"; else fail "missing k -> $code (expected 403)"; fi
for f in "$WORK"/*/smsbox.log; do
    if grep -q 'Could not fetch content' "$f" 2>/dev/null; then fail "smsbox could not fetch content ($f)"; fi
done
leaks=$(python3 - "$WORK/server.log" "$WORK/data" "$N_ES" "$N_ES2" "$N_AR" "$N_AR2" <<'PY'
import os, sys
log, data, numbers = sys.argv[1], sys.argv[2], sys.argv[3:]
files = [log] + [os.path.join(r, n) for r, _, ns in os.walk(data) for n in ns]
needles = []
for num in numbers:
    for form in {num, num[1:], num[2:]}:
        needles += [form.encode(), form.encode("utf-16-le"), form.encode("utf-16-be")]
hits = set()
for f in files:
    blob = open(f, "rb").read()
    hits.update(os.path.basename(f) for n in needles if n in blob)
print(" ".join(sorted(hits)))
PY
)
if [ -z "$leaks" ]; then pass "no canary phone number in Sanctuary's log or data dir"; else fail "phone number found in: $leaks"; fi

stop_pid "$PIDS_SERVER"; PIDS_SERVER=""
log ""
log "kannel_e2e: $pass_count passed, $fail_count failed"
if [ "$fail_count" -gt 0 ]; then log "FAILURES:${FAILURES:-}"; exit 1; fi
log "(note: Kannel's own smsbox/bearerbox logs and access logs DO contain numbers and texts; see the template)"
exit 0
