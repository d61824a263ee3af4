#!/usr/bin/env bash
# Regenerates the Swift code of the Open Inference Protocol's gRPC service from
# Sources/CairnServingGRPC/Proto/grpc_inference.proto. Run it only after changing the .proto; the output is committed,
# so builds never run protoc or its plugins.
#
#     scripts/generate-grpc.sh
#
# Needs: python3 (protoc comes from the grpcio-tools wheel in a throwaway venv) and network access to PyPI; it builds
# protoc-gen-swift and protoc-gen-grpc-swift-2 from the package's own swift-protobuf and grpc-swift-protobuf.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${CAIRN_PROTOC_WORK:-$ROOT/.build-protoc}"
mkdir -p "$WORK/Sources/Plugins"
echo "" > "$WORK/Sources/Plugins/Plugins.swift"
cat > "$WORK/Package.swift" <<'PACKAGE'
// swift-tools-version:6.1
import PackageDescription
let package = Package(
    name: "protoc-plugins",
    dependencies: [
        .package(url: "https://github.com/apple/swift-protobuf.git", exact: "1.39.0"),
        .package(url: "https://github.com/grpc/grpc-swift-protobuf.git", exact: "2.4.1"),
    ],
    targets: [.target(name: "Plugins", path: "Sources/Plugins")])
PACKAGE
(cd "$WORK" && swift build -c release --product protoc-gen-swift && swift build -c release --product protoc-gen-grpc-swift-2)
[ -x "$WORK/venv/bin/python" ] || { python3 -m venv "$WORK/venv" && "$WORK/venv/bin/pip" install -q grpcio-tools; }
BIN="$WORK/.build/release"
OUT="$ROOT/Sources/CairnServingGRPC/Generated"
mkdir -p "$OUT"
cd "$ROOT/Sources/CairnServingGRPC/Proto"
"$WORK/venv/bin/python" -m grpc_tools.protoc -I . \
    --plugin=protoc-gen-swift="$BIN/protoc-gen-swift" --swift_out="$OUT" --swift_opt=Visibility=Public \
    --plugin=protoc-gen-grpc-swift="$BIN/protoc-gen-grpc-swift-2" --grpc-swift_out="$OUT" \
    --grpc-swift_opt=Visibility=Public,Client=true,Server=true \
    grpc_inference.proto
echo "generated: $(ls "$OUT")"
