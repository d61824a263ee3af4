# Sourced by bench/drift.sh and bench/monitor.sh: the Evidently venv ($VENV), the release cairn binary ($CAIRN_BIN,
# see bench/lib/release_cairn.sh), and the machine line every benchmark prints.
#
# Environment:
#   CAIRN_DRIFT_VENV   venv with evidently (default .venv-fixtures, made from tools/fixtures/monitoring/requirements.txt)
#   SKIP_BUILD=1, CAIRN_BIN=path   see bench/lib/release_cairn.sh
VENV="${CAIRN_DRIFT_VENV:-$ROOT/.venv-fixtures}"
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q -r tools/fixtures/monitoring/requirements.txt
fi
. bench/lib/release_cairn.sh
echo "==> machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"
