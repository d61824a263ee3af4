"""Helpers shared by the interop suites: starting a tracking server, raw REST calls, names.

The suites run against one of two targets, chosen by the environment variable INTEROP_TARGET:

- ``cairn`` (default): ``$CAIRN_BIN server --port P --store <tmp>/cairn.db --artifacts <tmp>/artifacts``
- ``mlflow``: the reference ``mlflow server`` 3.17.2 with a SQLite backend and ``--serve-artifacts``, started from
  ``$MLFLOW_SERVER_BIN`` (default: ``mlflow`` on PATH; it needs the full ``mlflow`` package, not mlflow-skinny).

Running the suites against ``mlflow`` is how each assertion was checked to reflect real MLflow behaviour.

Cairn's backends are chosen by two more variables (for the shared, scaled-out setup):

- ``INTEROP_STORE=postgres``: ``--store $CAIRN_TEST_POSTGRES_URL?schema=interop_<hash of the workdir>`` (a fresh
  schema per server directory, so servers sharing a directory share a store) instead of ``<workdir>/cairn.db``;
- ``INTEROP_ARTIFACTS=s3``: ``--artifacts s3://<bucket>/artifacts?endpoint=$CAIRN_TEST_S3_ENDPOINT&path_style=true``
  with a bucket per server directory (created on start) instead of ``<workdir>/artifacts``.

Tests that look at the store's files on disk are marked ``local_store`` and skipped on the shared backends.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import time
import uuid
from pathlib import Path

import requests

TARGET = os.environ.get("INTEROP_TARGET", "cairn").strip().lower()
if TARGET not in ("cairn", "mlflow"):
    raise RuntimeError(f"INTEROP_TARGET must be 'cairn' or 'mlflow', not {TARGET!r}")

# mlflow server imports for about a minute on a 2-core machine before /health answers.
STARTUP_TIMEOUT_S = float(os.environ.get("INTEROP_STARTUP_TIMEOUT", "180" if TARGET == "mlflow" else "60"))

# Cairn's JSON body limit (ServerConfiguration.maxBodySize). MLflow has none: see test_bad_input_misc.py.
CAIRN_MAX_BODY_BYTES = int(os.environ.get("INTEROP_CAIRN_MAX_BODY", str(64 * 1024 * 1024)))

STORE_BACKEND = os.environ.get("INTEROP_STORE", "sqlite").strip().lower()
ARTIFACTS_BACKEND = os.environ.get("INTEROP_ARTIFACTS", "local").strip().lower()
if STORE_BACKEND not in ("sqlite", "postgres") or ARTIFACTS_BACKEND not in ("local", "s3"):
    raise RuntimeError("INTEROP_STORE must be sqlite or postgres, INTEROP_ARTIFACTS local or s3")
if TARGET == "mlflow" and (STORE_BACKEND, ARTIFACTS_BACKEND) != ("sqlite", "local"):
    raise RuntimeError("INTEROP_STORE and INTEROP_ARTIFACTS apply to the cairn target only")
SHARED_BACKENDS = (STORE_BACKEND, ARTIFACTS_BACKEND) != ("sqlite", "local")

API = "/api/2.0/mlflow"
ARTIFACTS_API = "/api/2.0/mlflow-artifacts/artifacts"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_test_certificates(directory: Path) -> Path:
    """Throw-away TLS files in `directory` (scripts/lib/test-certificates.sh): ca.pem, server.pem, server.key."""
    script = Path(__file__).resolve().parents[2] / "scripts" / "lib" / "test-certificates.sh"
    subprocess.run(["bash", str(script), str(directory)], check=True, capture_output=True, text=True)
    return directory


def unique(prefix: str) -> str:
    """A name no other test (or earlier run against the same store) uses."""
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def cairn_bin() -> str:
    explicit = os.environ.get("CAIRN_BIN")
    if explicit:
        return explicit
    repo = Path(__file__).resolve().parents[2]
    return str(repo / ".build" / "debug" / "cairn")


def mlflow_bin() -> str:
    explicit = os.environ.get("MLFLOW_SERVER_BIN")
    if explicit:
        return explicit
    found = shutil.which("mlflow")
    if not found:
        raise RuntimeError("INTEROP_TARGET=mlflow needs MLFLOW_SERVER_BIN or `mlflow` (full package) on PATH")
    return found


class ServerProcess:
    """One tracking server process (and its children) in its own process group, rooted at `workdir`."""

    def __init__(self, workdir: Path, port: int | None = None, shares: Path | None = None, store_options: str = "",
                 extra: list[str] | None = None, tls: Path | None = None):
        """`shares`: another server's workdir whose store and bucket this one uses (a replica of it);
        `store_options`: extra PostgreSQL URL options such as ``timeout=2``; `extra`: more `cairn server` flags;
        `tls`: a directory of `make_test_certificates` to answer HTTPS with."""
        self.tls = tls
        self.extra = (extra or []) + (["--tls-cert", str(tls / "server.pem"), "--tls-key", str(tls / "server.key")] if tls else [])
        # What `requests` verifies the server against: the test authority over HTTPS.
        self.verify: str | bool = str(tls / "ca.pem") if tls else True
        self.workdir = Path(workdir)
        self.shares = Path(shares) if shares else self.workdir
        self.store_options = store_options
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.store = self.workdir / ("cairn.db" if TARGET == "cairn" else "mlflow.db")
        self.artifacts = self.workdir / "artifacts"
        self.port = port or free_port()
        self.url = f"{'https' if tls else 'http'}://127.0.0.1:{self.port}"
        self.log_path = self.workdir / "server.log"
        self.proc: subprocess.Popen | None = None
        self._log = None

    def _key(self) -> str:
        return hashlib.sha1(str(self.shares.resolve()).encode()).hexdigest()[:12]

    def store_location(self) -> str:
        """What --store gets: the SQLite file, or a PostgreSQL schema named after the workdir."""
        if STORE_BACKEND != "postgres":
            return str(self.store)
        base = os.environ.get("CAIRN_TEST_POSTGRES_URL")
        if not base:
            raise RuntimeError("INTEROP_STORE=postgres needs CAIRN_TEST_POSTGRES_URL (scripts/test starts PostgreSQL)")
        options = f"&{self.store_options}" if self.store_options else ""
        return f"{base}?schema=interop_{self._key()}{options}"

    def artifacts_location(self) -> str:
        """What --artifacts gets: the directory, or a bucket named after the workdir on the S3-compatible server."""
        if ARTIFACTS_BACKEND != "s3":
            return str(self.artifacts)
        endpoint = os.environ.get("CAIRN_TEST_S3_ENDPOINT")
        if not endpoint:
            raise RuntimeError("INTEROP_ARTIFACTS=s3 needs CAIRN_TEST_S3_ENDPOINT (scripts/test starts moto)")
        bucket = f"interop-{self._key()}"
        requests.put(f"{endpoint}/{bucket}", timeout=10)  # moto creates it (or answers that it exists)
        return f"s3://{bucket}/artifacts?endpoint={endpoint}&path_style=true"

    def command(self) -> list[str]:
        if TARGET == "cairn":
            return [
                cairn_bin(), "server", "--host", "127.0.0.1", "--port", str(self.port),
                "--store", self.store_location(), "--artifacts", self.artifacts_location(), *self.extra,
            ]
        return [
            mlflow_bin(), "server",
            "--backend-store-uri", f"sqlite:///{self.store}",
            "--serve-artifacts", "--artifacts-destination", str(self.artifacts),
            "--host", "127.0.0.1", "--port", str(self.port),
            "--workers", os.environ.get("INTEROP_MLFLOW_WORKERS", "1"),
        ]

    def start(self) -> "ServerProcess":
        env = dict(os.environ)
        env["MLFLOW_DISABLE_TELEMETRY"] = "true"
        env.pop("MLFLOW_TRACKING_URI", None)
        if ARTIFACTS_BACKEND == "s3":
            env.setdefault("AWS_ACCESS_KEY_ID", "testing")
            env.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
        self._log = open(self.log_path, "ab")
        self.proc = subprocess.Popen(
            self.command(), cwd=self.workdir, env=env, stdin=subprocess.DEVNULL,
            stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        self._record_pid()
        self.wait_healthy()
        return self

    def _pidfile(self) -> Path | None:
        # scripts/test sets INTEROP_PIDDIR so its trap can kill servers left behind by a killed pytest
        d = os.environ.get("INTEROP_PIDDIR")
        if not d or self.proc is None:
            return None
        return Path(d) / f"server-{self.proc.pid}.pgid"

    def _record_pid(self) -> None:
        f = self._pidfile()
        if f is not None:
            f.parent.mkdir(parents=True, exist_ok=True)
            f.write_text(str(self.proc.pid))

    def _forget_pid(self) -> None:
        f = self._pidfile()
        if f is not None:
            f.unlink(missing_ok=True)

    def wait_healthy(self) -> None:
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.proc is not None and self.proc.poll() is not None:
                raise RuntimeError(
                    f"server exited with {self.proc.returncode} before answering /health:\n{self.log_tail()}")
            try:
                r = requests.get(self.url + "/health", timeout=2, verify=self.verify)
                if r.status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.2)
        self.kill()
        raise RuntimeError(f"server did not answer /health within {STARTUP_TIMEOUT_S:.0f}s:\n{self.log_tail()}")

    def healthy(self) -> bool:
        try:
            r = requests.get(self.url + "/health", timeout=5)
            return r.status_code == 200 and r.text.strip() == "OK"
        except requests.RequestException:
            return False

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def _signal_group(self, sig: int) -> None:
        if self.proc is None:
            return
        try:
            os.killpg(self.proc.pid, sig)  # the group we created with start_new_session: the server and its workers
        except ProcessLookupError:
            pass

    def kill(self) -> None:
        """kill -9 of the server's whole process group, then reap it."""
        self._signal_group(signal.SIGKILL)
        if self.proc is not None:
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass
        self._close_log()

    def stop(self, timeout: float = 15) -> int | None:
        """SIGTERM (graceful drain), then SIGKILL if it does not exit in time. Returns the exit code."""
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            self._signal_group(signal.SIGTERM)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self._signal_group(signal.SIGKILL)
                self.proc.wait(timeout=10)
        # uvicorn workers or job runners of mlflow may outlive the master briefly
        self._signal_group(signal.SIGKILL)
        self._close_log()
        return self.proc.returncode

    def _close_log(self) -> None:
        self._forget_pid()
        if self._log is not None:
            self._log.close()
            self._log = None

    def log_tail(self, n: int = 60) -> str:
        try:
            lines = self.log_path.read_text(errors="replace").splitlines()
        except OSError:
            return "(no server log)"
        return "\n".join(lines[-n:])


class ExternalServer(ServerProcess):
    """A server this session did not start (INTEROP_URL): never signalled, always considered alive."""

    def __init__(self, url: str, workdir: Path):
        super().__init__(workdir, port=int(url.rsplit(":", 1)[1]))
        self.url = url.rstrip("/")

    def start(self):
        self.wait_healthy()
        return self

    def alive(self) -> bool:
        return True

    def stop(self, timeout: float = 15):
        return None

    def kill(self) -> None:
        return None


# ---------------------------------------------------------------- raw REST helpers


class Rest:
    """Thin `requests` wrapper for the raw MLflow REST API (no retries, short timeout)."""

    def __init__(self, base_url: str):
        self.base = base_url.rstrip("/")
        self.session = requests.Session()

    def post(self, path: str, body=None, *, raw: bytes | str | None = None, headers=None, timeout=30):
        h = {"Content-Type": "application/json"}
        h.update(headers or {})
        data = raw if raw is not None else json.dumps(body if body is not None else {})
        return self.session.post(self.base + API + path, data=data, headers=h, timeout=timeout)

    def get(self, path: str, params=None, timeout=30):
        return self.session.get(self.base + API + path, params=params, timeout=timeout)

    def patch(self, path: str, body=None, timeout=30):
        return self.session.patch(self.base + API + path, json=body or {}, timeout=timeout)

    def delete(self, path: str, body=None, timeout=30):
        return self.session.delete(self.base + API + path, json=body or {}, timeout=timeout)

    # -- convenience for setting up state
    def create_experiment(self, name: str | None = None) -> str:
        r = self.post("/experiments/create", {"name": name or unique("exp")})
        assert r.status_code == 200, r.text
        return r.json()["experiment_id"]

    def create_run(self, experiment_id: str) -> str:
        r = self.post("/runs/create", {"experiment_id": experiment_id, "start_time": now_ms()})
        assert r.status_code == 200, r.text
        return r.json()["run"]["info"]["run_id"]

    def get_run(self, run_id: str) -> dict:
        r = self.get("/runs/get", {"run_id": run_id})
        assert r.status_code == 200, r.text
        return r.json()["run"]


def count_5xx(base_url: str) -> dict[str, float]:
    """5xx answers per route, read from Cairn's Prometheus /metrics (label http_response_status_code)."""
    import re

    text = requests.get(base_url + "/metrics", timeout=10).text
    out: dict[str, float] = {}
    for line in text.splitlines():
        if not line.startswith("http_server_request_duration_count{"):
            continue
        m = re.search(r'http_response_status_code="(5\d\d)"', line)
        if m:
            route = re.search(r'http_route="([^"]*)"', line)
            key = f"{route.group(1) if route else '?'} {m.group(1)}"
            out[key] = out.get(key, 0) + float(line.rsplit(" ", 1)[1])
    return {k: v for k, v in out.items() if v > 0}


def now_ms() -> int:
    return int(time.time() * 1000)


def assert_error(resp, status: int, error_code: str, message_contains: str | None = None) -> dict:
    """Asserts an MLflow-shaped error: the HTTP status, a JSON body and its error_code (and part of the message)."""
    assert resp.status_code == status, f"expected {status} {error_code}, got {resp.status_code}: {resp.text[:500]}"
    try:
        body = resp.json()
    except ValueError:
        raise AssertionError(f"error body is not JSON: {resp.text[:500]!r}")
    assert body.get("error_code") == error_code, f"expected {error_code}, got {body}"
    if message_contains is not None:
        assert message_contains in body.get("message", ""), f"{message_contains!r} not in {body.get('message')!r}"
    return body


def raw_request(base_url: str, method: str, raw_path: str, body: bytes = b"", headers=None, timeout=30):
    """Sends a request with the path exactly as given (requests/urllib3 would normalise `..` away).

    Returns (status, headers, body bytes).
    """
    host, port = base_url.replace("http://", "").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=timeout)
    try:
        h = {"Content-Length": str(len(body))}
        h.update(headers or {})
        conn.putrequest(method, raw_path, skip_accept_encoding=True)
        for k, v in h.items():
            conn.putheader(k, v)
        conn.endheaders()
        if body:
            conn.send(body)
        resp = conn.getresponse()
        return resp.status, dict(resp.getheaders()), resp.read()
    finally:
        conn.close()


def files_under(root: Path) -> set[str]:
    root = Path(root)
    if not root.exists():
        return set()
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}
