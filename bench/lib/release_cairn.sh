# Sourced by the benchmarks that run the cairn binary: sets $CAIRN_BIN to the release build they measure, built
# here as users deploy it (self-contained: --static-swift-stdlib links the Swift runtime and Foundation in, so
# it starts without loading them) unless SKIP_BUILD=1 or CAIRN_BIN names a binary already.
#
# Environment:
#   SKIP_BUILD=1     use the existing release build
#   CAIRN_BIN=path   use this cairn binary
if [ -z "${CAIRN_BIN:-}" ]; then
    if [ "${SKIP_BUILD:-0}" != "1" ]; then
        echo "==> swift build -c release --static-swift-stdlib --product cairn"
        swift build -c release --static-swift-stdlib --product cairn
    fi
    CAIRN_BIN="$(swift build -c release --static-swift-stdlib --show-bin-path)/cairn"
fi
[ -x "$CAIRN_BIN" ] || { echo "no release cairn at $CAIRN_BIN" >&2; exit 1; }
