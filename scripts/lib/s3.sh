# Starts and stops a real S3-compatible server (moto: the venv's, else the machine's) on a free loopback port.
# Source this file; call s3_start after the venv exists, s3_stop on exit.
#   s3_start   exports CAIRN_TEST_S3_ENDPOINT=http://127.0.0.1:<port> and S3_PID
#   s3_stop    stops it

s3_start() {
    local port moto
    moto="$VENV/bin/moto_server"
    [ -x "$moto" ] || moto="$(command -v moto_server || true)"
    if [ -z "$moto" ]; then
        echo "moto_server not found: the S3 artifact store tests are skipped (CAIRN_SKIP_S3=1)" >&2
        export CAIRN_SKIP_S3=1
        return 0
    fi
    port="$("$VENV/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
    "$moto" -H 127.0.0.1 -p "$port" >"$STATE_DIR/moto.log" 2>&1 &
    S3_PID=$!
    CHILD_PIDS+=("$S3_PID")
    for _ in $(seq 1 100); do
        if "$VENV/bin/python" -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/', timeout=1)" 2>/dev/null; then
            export CAIRN_TEST_S3_ENDPOINT="http://127.0.0.1:$port"
            echo "S3-compatible server (moto) on $CAIRN_TEST_S3_ENDPOINT"
            return 0
        fi
        kill -0 "$S3_PID" 2>/dev/null || break
        sleep 0.2
    done
    echo "moto_server did not start:" >&2
    tail -20 "$STATE_DIR/moto.log" >&2 || true
    return 1
}

s3_stop() {
    [ -n "${S3_PID:-}" ] && kill -TERM "$S3_PID" 2>/dev/null && wait "$S3_PID" 2>/dev/null
    return 0
}
