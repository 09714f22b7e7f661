#!/usr/bin/env bash
# Load test of the running service: start-up time, throughput and latency of whole conversation steps
# (classify + state machine + SQLite commit + reply) through the JSON channel and the signed Twilio webhook,
# and the server's memory. Uses wrk (Debian package) against a release build.
#
#   scripts/bench/server_load.sh [seconds per run, default 15] [connections, default 16]
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-15}
connections=${2:-16}
command -v wrk >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null
swift build -c release --product sanctuary >/dev/null
bin=.build/release/sanctuary
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

start=$(date +%s.%N)
TWILIO_AUTH_TOKEN=bench-token SANCTUARY_PUBLIC_URL="http://127.0.0.1:$port" LOG_LEVEL=warning \
  "$bin" serve --port "$port" --data "$work/data" > "$work/serve.log" 2>&1 &
server=$!
until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do sleep 0.05; done
ready=$(date +%s.%N)
printf 'start-up (lint + train + store + directory import) : %.2f s\n' "$(echo "$ready - $start" | bc)"
printf 'RSS after start                                    : %d MB\n' $(( $(ps -o rss= -p $server) / 1024 ))

cat > "$work/chat.lua" <<'LUA'
local texts = {
  "hay unos de inmigracion golpeando mi puerta q hago??",
  "necesito comida para mis hijos hoy",
  "marhaba, 3andi waja3 bi sinni w ma 3andi ta2meen",
  "отримала лист з Ausländerbehörde, там Abschiebungsandrohung, строк тиждень",
  "where can I see a doctor without insurance",
  "Ich brauche einen Anwalt, ich habe keine Papiere",
  "1", "MENU", "thank you",
}
local counter = 0
request = function()
  counter = counter + 1
  local session = string.format("bench-session-%08d-%04d", math.random(0, 99999999), counter % 500)
  local text = texts[(counter % #texts) + 1]
  local body = '{"session":"' .. session .. '","text":"' .. text .. '"}'
  return wrk.format("POST", "/api/v1/messages", {["Content-Type"] = "application/json"}, body)
end
LUA
echo
echo "== JSON channel: $connections connections, ${duration}s (mixed languages, 1/9 urgent: opens cases)"
wrk -t2 -c"$connections" -d"${duration}s" --latency -s "$work/chat.lua" "http://127.0.0.1:$port" | grep -E "Requests/sec|Latency|50%|90%|99%|requests in|Non-2xx"
printf 'RSS after load                                     : %d MB\n' $(( $(ps -o rss= -p $server) / 1024 ))
echo
echo "== health check only (HTTP overhead)"
wrk -t2 -c"$connections" -d5s --latency "http://127.0.0.1:$port/healthz" | grep -E "Requests/sec|50%|99%"
