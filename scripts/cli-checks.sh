#!/usr/bin/env bash
# Checks the command line as an admin and CI use it: exit codes, JSON Lines order, bad input.
# Usage: scripts/cli-checks.sh PATH/TO/sanctuary
set -uo pipefail
bin=${1:?usage: cli-checks.sh PATH/TO/sanctuary}
cd "$(dirname "$0")/.."
failures=0
check() { if eval "$2"; then echo "ok   $1"; else echo "FAIL $1"; failures=$((failures + 1)); fi; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

out=$("$bin" classify "hay unos de inmigracion golpeando mi puerta q hago??")
check "classify prints lang, intent, confidence, handoff" \
  'echo "$out" | python3 -c "import json,sys; d=json.load(sys.stdin); assert d[\"lang\"]==\"es\" and d[\"intent\"]==\"kyr_door\" and d[\"handoff\"]==\"urgent\" and 0<d[\"confidence\"]<=1"'

printf '%s\n' '{"text": "STOP"}' 'not json' '{"text": "Stop they are at the door"}' '{"txt": "no text field"}' \
  '{"text": ""}' '{"text": "🙏🙏"}' > "$tmp/in.jsonl"
printf '{"text": "bad \xff\xfe utf8"}\n' >> "$tmp/in.jsonl"
"$bin" classify --jsonl < "$tmp/in.jsonl" > "$tmp/out.jsonl"; rc=$?
check "classify --jsonl exits 1 when some lines are not objects with text" '[ $rc -eq 1 ]'
check "classify --jsonl answers every line, in order" \
  'python3 - "$tmp/out.jsonl" <<PY
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert len(rows) == 7, rows
assert rows[0]["intent"] == "stop_optout" and rows[0]["source"] == "keyword"
assert "error" in rows[1] and "error" in rows[3]
assert rows[2]["intent"] == "kyr_door" and rows[2]["handoff"] == "urgent"
assert rows[4]["source"] == "empty" and rows[5]["source"] == "empty"
assert "intent" in rows[6]
PY'

head -c 10240 /dev/urandom | base64 -w0 | python3 -c "import json,sys; print(json.dumps({'text': sys.stdin.read()}))" > "$tmp/big.jsonl"
check "10 KB of text gets an answer" '"$bin" classify --jsonl < "$tmp/big.jsonl" | grep -q "\"intent\""'

cp -r intents "$tmp/intents"; cp -r locales "$tmp/locales"
printf 'id: find_food\ncategory: services\nexamples:\n  en: ["food\n' > "$tmp/intents/find_food.yaml"
"$bin" lint --intents "$tmp/intents" --locales "$tmp/locales" > "$tmp/lint.txt"; rc=$?
check "lint exits 1 on a broken YAML file and names file and line" '[ $rc -eq 1 ] && grep -q "find_food.yaml:[0-9]*: error" "$tmp/lint.txt"'
"$bin" classify --intents "$tmp/intents" --locales "$tmp/locales" "hola" > /dev/null 2> "$tmp/err.txt"; rc=$?
check "classify refuses broken content with the file named" '[ $rc -eq 1 ] && grep -q "find_food.yaml" "$tmp/err.txt"'

echo '{"text": "where is a food bank", "lang": "en", "intent": "kyr_door", "handoff": "urgent"}' > "$tmp/wrong.jsonl"
"$bin" eval "$tmp/wrong.jsonl" --min-intent-accuracy 0.9 > /dev/null 2>&1; rc=$?
check "eval exits 1 below a threshold" '[ $rc -eq 1 ]'
echo '{"text": "x", "lang": "en"}' > "$tmp/bad.jsonl"
"$bin" eval "$tmp/bad.jsonl" > /dev/null 2> "$tmp/err.txt"; rc=$?
check "eval names the file and line of a bad labelled line" '[ $rc -eq 1 ] && grep -q "bad.jsonl:1" "$tmp/err.txt"'

# The service and the privacy audit: a real server, messages carrying canaries, then the audit searches everything.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
KANNEL_SECRET=k1 "$bin" serve --port "$port" --data "$tmp/data" > "$tmp/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/healthz" > /dev/null && break; sleep 0.25; done
curl -s "http://127.0.0.1:$port/webhooks/kannel?k=k1&from=%2B15550177123&text=me%20llamo%20Rosa%20Canario%2C%20no%20tengo%20papeles%2C%20la%20migra%20esta%20en%20mi%20puerta" > "$tmp/reply.txt"
check "serve answers a Kannel SMS in Spanish" 'grep -q "puerta" "$tmp/reply.txt"'
curl -s -o /dev/null -w "%{http_code}" "http://127.0.0.1:$port/webhooks/kannel?k=wrong&from=1&text=x" > "$tmp/code.txt"
check "serve refuses a wrong Kannel secret with 403" 'grep -q 403 "$tmp/code.txt"'
kill -TERM $server; wait $server 2>/dev/null || true
"$bin" privacy audit --data "$tmp/data" --log "$tmp/serve.log" --canary "+15550177123" --canary "Rosa Canario" > "$tmp/audit.txt"; rc=$?
check "privacy audit lists the tables and finds no canary" '[ $rc -eq 0 ] && grep -q "handoff_case" "$tmp/audit.txt" && grep -q "no hits" "$tmp/audit.txt"'
echo "note for Rosa Canario" > "$tmp/data/leak.txt"
"$bin" privacy audit --data "$tmp/data" --canary "Rosa Canario" > "$tmp/audit.txt"; rc=$?
check "privacy audit exits 1 when a canary is on disk" '[ $rc -eq 1 ] && grep -q "HIT: canary #1" "$tmp/audit.txt"'

[ $failures -eq 0 ] || { echo "$failures command-line check(s) failed"; exit 1; }
