# Sourced by bench/drift.sh and bench/monitor.sh: the Evidently venv ($VENV), the release cairn binary ($CAIRN_BIN,
# built unless SKIP_BUILD=1 or CAIRN_BIN is set), and the machine line every benchmark prints.
#
# Environment:
#   CAIRN_DRIFT_VENV   venv with evidently (default .venv-fixtures, made from tools/fixtures/monitoring/requirements.txt)
#   SKIP_BUILD=1       use the existing .build/release/cairn
#   CAIRN_BIN=path     use this cairn binary (implies SKIP_BUILD)
VENV="${CAIRN_DRIFT_VENV:-$ROOT/.venv-fixtures}"
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q -r tools/fixtures/monitoring/requirements.txt
fi
CAIRN_BIN="${CAIRN_BIN:-}"
if [ -z "$CAIRN_BIN" ] && [ "${SKIP_BUILD:-0}" != "1" ]; then
    echo "==> swift build -c release --product cairn"
    swift build -c release --product cairn
fi
CAIRN_BIN="${CAIRN_BIN:-$ROOT/.build/release/cairn}"
echo "==> machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"
