#!/usr/bin/env bash
# Start the action server (:5055), the Rasa server (:5005) and the widget page (:8080),
# wait until each answers, and stop all three on Ctrl-C or when one of them dies.
# Logs go to logs/. Ports and host can be changed with the variables below.
set -euo pipefail

MODEL=${1:-models/integrationslotse.tar.gz}
HOST=${LOTSE_HOST:-127.0.0.1}
ACTION_PORT=${ACTION_PORT:-5055}
RASA_PORT=${RASA_PORT:-5005}
WEB_PORT=${WEB_PORT:-8080}
VENV=${VENV:-.venv}
# Stores (endpoints.yml): conversations in SQLite under state/ unless TRACKER_STORE_URL says otherwise.
export TRACKER_STORE_URL=${TRACKER_STORE_URL:-sqlite:///state/tracker.db}
export LOCK_STORE_URL=${LOCK_STORE_URL:-}
export ACTION_SERVER_URL=${ACTION_SERVER_URL:-http://$HOST:$ACTION_PORT/webhook}
LOG_DIR=${LOG_DIR:-logs}
mkdir -p "$LOG_DIR"
# Rasa's HTTP API (conversations, model, tracker) stays off unless RASA_API_TOKEN is set;
# then it is on and every API request needs ?token=$RASA_API_TOKEN.
API_ARGS=()
if [ -n "${RASA_API_TOKEN:-}" ]; then
  API_ARGS=(--enable-api --auth-token "$RASA_API_TOKEN")
fi

pids=()
stop_all() {
  trap - INT TERM EXIT
  echo
  echo "==> Stopping..."
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  echo "==> Stopped."
}
trap stop_all INT TERM EXIT

for port in "$ACTION_PORT" "$RASA_PORT" "$WEB_PORT"; do
  if (exec 3<>"/dev/tcp/$HOST/$port") 2>/dev/null; then
    echo "Port $port on $HOST is already in use. Stop what runs there (or set ACTION_PORT/RASA_PORT/WEB_PORT) and try again." >&2
    exit 1
  fi
done

wait_for() {  # name url seconds pid
  local name=$1 url=$2 limit=$3 pid=$4 start=$SECONDS
  printf '==> Waiting for %s' "$name"
  until curl -fsS -o /dev/null "$url" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo; echo "$name did not start. Last lines of its log:" >&2; tail -n 20 "$LOG_DIR/$5.log" >&2; exit 1
    fi
    if (( SECONDS - start > limit )); then
      echo; echo "$name did not answer within ${limit}s; see $LOG_DIR/$5.log" >&2; exit 1
    fi
    printf '.'; sleep 1
  done
  echo " ready ($((SECONDS - start)) s)"
}

echo "==> Starting the action server on :$ACTION_PORT (log: $LOG_DIR/actions.log)"
"$VENV/bin/rasa" run actions --port "$ACTION_PORT" >"$LOG_DIR/actions.log" 2>&1 &
pids+=($!); wait_for "action server" "http://$HOST:$ACTION_PORT/health" 120 "$!" actions

echo "==> Starting the Rasa server on :$RASA_PORT with $MODEL (log: $LOG_DIR/rasa.log)"
# `python -m server` is `rasa` with the project's one documented change (server/action_response_validation.py).
"$VENV/bin/python" -m server run --model "$MODEL" --endpoints endpoints.yml --interface "$HOST" --port "$RASA_PORT" "${API_ARGS[@]}" \
  --cors "http://localhost:$WEB_PORT" "http://127.0.0.1:$WEB_PORT" >"$LOG_DIR/rasa.log" 2>&1 &
pids+=($!); wait_for "Rasa server" "http://$HOST:$RASA_PORT/" 180 "$!" rasa

echo "==> Serving the widget page on :$WEB_PORT (log: $LOG_DIR/web.log)"
"$VENV/bin/python" -m http.server "$WEB_PORT" --bind "$HOST" --directory web >"$LOG_DIR/web.log" 2>&1 &
pids+=($!); wait_for "widget page" "http://$HOST:$WEB_PORT/" 30 "$!" web

cat <<MSG

The NRW Integrationslotse is running:
  Chat page:      http://localhost:$WEB_PORT
  REST channel:   curl -s localhost:$RASA_PORT/webhooks/rest/webhook -H 'Content-Type: application/json' \\
                    -d '{"sender": "ich", "message": "Wer berät junge Migranten?"}'
  Action server:  http://localhost:$ACTION_PORT/health
Press Ctrl-C to stop all three.
MSG

# Exit (and stop the others) as soon as one of the three ends.
wait -n "${pids[@]}"
echo "One of the servers stopped unexpectedly; see $LOG_DIR/." >&2
exit 1
