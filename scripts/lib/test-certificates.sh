#!/usr/bin/env bash
# Makes throw-away TLS files for tests in DIR (never for production): a certificate authority (ca.pem, ca.key),
# a server certificate it signed for localhost and 127.0.0.1 (server.pem, server.key), and an unrelated key
# (other.key). Needs the openssl command.
#
#     scripts/lib/test-certificates.sh DIR
set -euo pipefail
dir="${1:?usage: test-certificates.sh DIR}"
mkdir -p "$dir"
cd "$dir"
quiet() {
    local out
    if ! out=$("$@" 2>&1); then echo "test-certificates: $1 $2 failed: $out" >&2; exit 1; fi
}
quiet openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 30 -subj "/CN=Cairn test CA" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -keyout ca.key -out ca.pem
quiet openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=localhost" -keyout server.key -out server.csr
printf '%s\n' "basicConstraints=critical,CA:FALSE" "keyUsage=critical,digitalSignature" "extendedKeyUsage=serverAuth" \
    "subjectAltName=DNS:localhost,IP:127.0.0.1" "authorityKeyIdentifier=keyid" "subjectKeyIdentifier=hash" >server.ext
quiet openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 30 -extfile server.ext -out server.pem
quiet openssl genpkey -algorithm ec -pkeyopt ec_paramgen_curve:P-256 -out other.key
rm -f server.csr server.ext ca.srl
