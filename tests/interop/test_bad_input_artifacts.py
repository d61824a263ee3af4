"""Artifact proxy path safety: `..`, absolute paths, %2e%2e-encoded traversal and NUL bytes get 400
INVALID_PARAMETER_VALUE, nothing is written (inside or outside the artifact root) and nothing outside is read.

Paths are sent byte-exact with http.client: requests/urllib3 would remove `..` segments before sending.
"""

import json

import pytest

from support import ARTIFACTS_API, files_under, raw_request

pytestmark = pytest.mark.usefixtures("server_healthy_after")

# Each is appended to /api/2.0/mlflow-artifacts/artifacts/ ; "ESC" is replaced by a unique file name.
TRAVERSALS = [
    "../ESC",
    "../../ESC",
    "a/../../ESC",
    "0/../../ESC",
    "..%2FESC",
    "%2e%2e/ESC",
    "%2E%2E/%2e%2e/ESC",
    "a/%2e%2e/%2e%2e/ESC",
    "%2e%2e%2fESC",
]
ABSOLUTE = ["/tmp/ESC", "%2Ftmp%2FESC", "%2ftmp/ESC"]
# MLflow 3.17.2 accepts a NUL inside a path segment and writes a file literally named "a%00b" inside the root;
# Cairn refuses any NUL with 400 INVALID_PARAMETER_VALUE (intentionally stricter). A lone "%00" gets a 400 from
# MLflow too, but with a non-JSON body.
NUL = [pytest.param(p, marks=pytest.mark.cairn_only) for p in ("a%00b/ESC", "ESC%00.txt", "%00")]


def _escape_candidates(server, name):
    """Where a traversal of one or two levels, or an absolute path, would have put the file."""
    wd = server.workdir
    return [wd / name, wd.parent / name, wd.parent.parent / name, "/tmp/" + name, "/" + name]


def _assert_nothing_written(server, before, name):
    from pathlib import Path

    after = _work_files(server)
    assert after == before, f"files written: {after - before}"
    for p in _escape_candidates(server, name):
        assert not Path(p).exists(), f"escaped to {p}"


def _work_files(server):
    """Every file in the server's working directory (store, artifacts) but its log and the SQLite side files."""
    return {p for p in files_under(server.workdir) if not p.startswith("server.log") and "-wal" not in p
            and "-shm" not in p and "-journal" not in p}


@pytest.fixture
def escape_name():
    from support import unique

    return unique("escape") + ".txt"


@pytest.mark.parametrize("path", TRAVERSALS + ABSOLUTE + NUL)
def test_upload_with_unsafe_path_is_refused(server, path, escape_name):
    before = _work_files(server)
    raw_path = ARTIFACTS_API + "/" + path.replace("ESC", escape_name)
    status, _, body = raw_request(server.url, "PUT", raw_path, b"pwned", {"Content-Type": "text/plain"})
    assert status == 400, (status, body[:300])
    assert json.loads(body)["error_code"] == "INVALID_PARAMETER_VALUE"
    _assert_nothing_written(server, before, escape_name)


def test_backslash_is_not_a_separator(server, escape_name):
    # "..\x" is an ordinary file name on POSIX: MLflow stores it inside the root. Whatever the answer, it is not
    # a 5xx and nothing lands outside the root.
    status, _, body = raw_request(server.url, "PUT", f"{ARTIFACTS_API}/..%5c{escape_name}", b"x")
    assert status in (200, 400), (status, body[:300])
    for p in _escape_candidates(server, escape_name):
        from pathlib import Path

        assert not Path(p).exists(), f"escaped to {p}"


@pytest.mark.parametrize(
    "path",
    ["../STORE", "../../STORE", "%2e%2e/STORE", "a/%2e%2e/%2e%2e/STORE", "/STOREABS", "%2FSTOREABS",
     pytest.param("STORE%00", marks=pytest.mark.cairn_only)],  # MLflow: 404 for the literal name "mlflow.db%00"
)
def test_download_with_unsafe_path_is_refused(server, path):
    # The store file sits beside the artifact root: <workdir>/{cairn,mlflow}.db and <workdir>/artifacts.
    raw = path.replace("STOREABS", str(server.store).lstrip("/")).replace("STORE", server.store.name)
    status, _, body = raw_request(server.url, "GET", ARTIFACTS_API + "/" + raw)
    assert status == 400, (status, body[:300])
    assert json.loads(body)["error_code"] == "INVALID_PARAMETER_VALUE"
    assert b"SQLite format" not in body


@pytest.mark.parametrize(
    "query",
    ["../", "..%2F..", "%2e%2e", "/etc", "%2Fetc",
     pytest.param("a%00b", marks=pytest.mark.cairn_only)],  # MLflow: 200 {} (lists a literal "a%00b")
)
def test_list_with_unsafe_path_is_refused(server, query):
    status, _, body = raw_request(server.url, "GET", f"{ARTIFACTS_API}?path={query}")
    assert status == 400, (status, body[:300])
    assert json.loads(body)["error_code"] == "INVALID_PARAMETER_VALUE"


@pytest.mark.parametrize(
    "path",
    ["../ESC", "%2e%2e/ESC", "a/../../ESC",
     pytest.param("/tmp/ESC", marks=pytest.mark.cairn_only)],  # MLflow: 308 redirect of "//" (Starlette)
)
def test_delete_with_unsafe_path_is_refused(server, path, escape_name):
    # a file outside the artifact root that a traversal would reach must survive
    victim = server.workdir / escape_name
    victim.write_text("keep me")
    try:
        status, _, body = raw_request(server.url, "DELETE", ARTIFACTS_API + "/" + path.replace("ESC", escape_name))
        assert status == 400, (status, body[:300])
        assert json.loads(body)["error_code"] == "INVALID_PARAMETER_VALUE"
        assert victim.read_text() == "keep me"
    finally:
        victim.unlink(missing_ok=True)
