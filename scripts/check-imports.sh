#!/usr/bin/env bash
# Checks the dependency rule of ARCHITECTURE.md: each target imports only the project targets and external
# modules it is allowed to. Prints every violation and exits non-zero if there is one.
set -euo pipefail
cd "$(dirname "$0")/.."

# target: allowed imports (project targets and external modules), space-separated.
allowed() {
    case "$1" in
        CairnCore) echo "Foundation" ;;
        CairnML) echo "CairnCore CZlib Foundation Dispatch Synchronization _Builtin_intrinsics" ;;
        CairnRuntime) echo "CairnCore CairnML CRuntimeKernels Foundation Dispatch" ;;
        CairnAutoML) echo "CairnCore CairnML Foundation Dispatch" ;;
        CairnMonitoring) echo "CairnCore CairnML Foundation" ;;
        CairnArtifacts) echo "CairnCore Foundation Glibc" ;;
        CairnArtifactsS3) echo "CairnCore CairnArtifacts Foundation AsyncHTTPClient Crypto NIOCore NIOHTTP1" ;;
        CairnTracking) echo "CairnCore CairnArtifacts Foundation" ;;
        CairnRegistry) echo "CairnCore CairnArtifacts Foundation" ;;
        CairnAPI) echo "CairnCore Foundation" ;;
        CairnStore) echo "CairnCore CairnTracking CairnRegistry CairnArtifacts Foundation GRDB Metrics CairnServing CairnMonitoring" ;;
        CairnServer) echo "CairnCore CairnAPI CairnArtifacts CairnArtifactsS3 CairnTracking CairnRegistry CairnStore Foundation Hummingbird Logging Metrics Prometheus ServiceLifecycle CairnStorePostgres CairnML CairnServing HTTPTypes Crypto CairnMonitoring AsyncHTTPClient NIOCore Synchronization HummingbirdCore HummingbirdTLS NIOSSL" ;;
        CairnCLI) echo "CairnCore CairnAPI CairnArtifacts CairnArtifactsS3 CairnTracking CairnRegistry CairnStore CairnServer CairnML CairnMonitoring CairnRuntime Foundation FoundationNetworking ArgumentParser AsyncHTTPClient NIOCore NIOHTTP1 Crypto Hummingbird Logging Metrics Prometheus Synchronization Glibc CairnServing CairnServingGRPC NIOSSL" ;;
        CairnTesting) echo "CairnCore CairnStore CairnTracking CairnRegistry CairnArtifacts Foundation CairnStorePostgres Logging CairnML" ;;
        CairnStorePostgres) echo "CairnCore CairnTracking CairnRegistry CairnServing CairnMonitoring CairnStore Foundation Logging Metrics PostgresNIO ServiceLifecycle Synchronization" ;;
        CairnServingGRPC) echo "CairnCore CairnServing Foundation FoundationEssentials GRPCCore GRPCNIOTransportHTTP2Posix GRPCNIOTransportCore GRPCProtobuf SwiftProtobuf ServiceLifecycle" ;;
        CairnServing) echo "CairnCore CairnML CairnRuntime CairnArtifacts CairnRegistry Foundation Dispatch Metrics Synchronization" ;;
        cairn) echo "CairnCLI" ;;
        *) echo "" ;;
    esac
}

status=0
for dir in Sources/*/; do
    target=$(basename "$dir")
    # a system library module (a module map over a C library) and a C target have no Swift sources to check
    [ -f "$dir/module.modulemap" ] && continue
    [ -d "$dir/include" ] && ! ls "$dir"/*.swift >/dev/null 2>&1 && continue
    permitted=" $(allowed "$target") "
    if [ "$permitted" = "  " ]; then
        echo "check-imports: target $target has no entry in scripts/check-imports.sh (add it with the rule from ARCHITECTURE.md)"
        status=1
        continue
    fi
    while IFS= read -r line; do
        file=${line%%:*}
        module=$(echo "${line#*:}" | sed -E 's/^[[:space:]]*(@testable[[:space:]]+|@preconcurrency[[:space:]]+|public[[:space:]]+|internal[[:space:]]+)*import[[:space:]]+//; s/[[:space:]].*$//; s/\..*$//')
        case "$permitted" in
            *" $module "*) ;;
            *) echo "check-imports: $file imports $module, which $target may not import"; status=1 ;;
        esac
    done < <(grep -rHE '^[[:space:]]*(@[a-zA-Z]+[[:space:]]+)*(public[[:space:]]+|internal[[:space:]]+)?import[[:space:]]+' "$dir" --include='*.swift' | sed -E 's/^([^:]+):[0-9]*:?/\1:/' || true)
done
[ "$status" -eq 0 ] && echo "check-imports: every target respects the dependency rule"
exit "$status"
