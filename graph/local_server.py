"""A local Neo4j Community server assembled from Maven Central and run as a child process.

Layout under `home` (kept out of git):
    lib/        runtime jars, fetched once by Maven; `lib/.complete` marks a finished copy
    classes/    the compiled launcher
    server/     the database home (data, an empty import folder, Neo4j's own logs); survives restarts
    password    the neo4j user's password, generated on first use (mode 0600)
    launcher.log, neo4j.pid

The server runs with auth on (user `neo4j`, that password) for Bolt and HTTP alike: other local
processes and web pages the analyst visits are not trusted. Launcher.java lists the other settings.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from schema.errors import LocalServerError

_RESOURCES = Path(__file__).parent / "neo4j_server"
_POM = _RESOURCES / "pom.xml"
_LAUNCHER = _RESOURCES / "Launcher.java"

# Community has one user; the launcher sets its password (Launcher.USER).
LOCAL_USER = "neo4j"

# From Neo4j 5.26's default neo4j.conf: needed for Netty's direct buffers on Java 17.
_JVM_FLAGS = (
    "-XX:+UseG1GC",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dlog4j2.disable.jmx=true",
    "-Dfile.encoding=UTF-8",
)


@dataclass(frozen=True)
class LocalServerConfig:
    """Where the local server lives and how it listens."""

    home: Path
    jars: Path | None = None  # where the jars go; default home/lib (tests share one copy)
    bolt_port: int = 7687
    http_port: int = 7474
    heap: str = "1g"
    pagecache_mb: int = 512
    tx_timeout_s: int = 60
    start_timeout_s: float = 180.0

    @property
    def lib(self) -> Path:
        return self.jars or self.home / "lib"

    @property
    def password_file(self) -> Path:
        return self.home / "password"

    @property
    def bolt_uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"

    @property
    def browser_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/browser/"


@dataclass(frozen=True)
class ServerStatus:
    """What `kg neo4j status` reports."""

    running: bool
    pid: int | None
    bolt_uri: str
    browser_url: str
    jars_ready: bool
    user: str
    password_file: str
    password: str | None  # None until the first start generates it


def local_credentials(config: LocalServerConfig) -> tuple[str, str]:
    """The user and password of the local server, generating the password on first use.

    The password is 32 random URL-safe characters in `home/password`, readable by its owner only.
    The server applies it at its next start (Launcher.java), so a changed file takes effect then.
    """
    path = config.password_file
    try:
        password = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        password = ""
    if not password:
        password = secrets.token_urlsafe(24)
        config.home.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.fchmod(fd, 0o600)  # an existing empty file keeps its mode through O_CREAT
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(password + "\n")
    elif len(password) < 8:
        raise LocalServerError(f"the password in {path} is shorter than 8 characters, which Neo4j "
                               "refuses; write a longer one or empty the file to have one generated")
    os.chmod(path, 0o600)
    return LOCAL_USER, password


def install_jars(config: LocalServerConfig) -> Path:
    """Fetch the server's jars into `home/lib` unless a complete copy for this pom is there.

    Returns the lib folder. Raises LocalServerError when Java or Maven is missing or Maven fails.
    """
    _require_tool("java", "a Java 17+ runtime (e.g. Debian's openjdk-17-jre-headless)")
    lib = config.lib
    marker = lib / ".complete"
    digest = hashlib.sha256(_POM.read_bytes()).hexdigest()
    if marker.exists() and marker.read_text().strip() == digest:
        return lib
    mvn = _require_tool("mvn", "Maven (e.g. Debian's maven package)")
    staging = lib.with_name(lib.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    config.home.mkdir(parents=True, exist_ok=True)
    cmd = [
        mvn, "-B", "-q", "-f", str(_POM), "dependency:copy-dependencies",
        "-DincludeScope=runtime", f"-DoutputDirectory={staging}",
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        tail = (proc.stdout + proc.stderr).strip().splitlines()[-15:]
        raise LocalServerError(
            "downloading Neo4j's jars from Maven Central failed "
            f"(mvn exit {proc.returncode}):\n" + "\n".join(tail)
        )
    shutil.rmtree(lib, ignore_errors=True)
    staging.rename(lib)
    marker.write_text(digest)
    return lib


def _compile_launcher(config: LocalServerConfig, lib: Path) -> Path:
    """Compile the launcher once per source change; returns the classes folder."""
    classes = config.home / "classes"
    stamp = classes / ".source-sha256"
    digest = hashlib.sha256(_LAUNCHER.read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text().strip() == digest:
        return classes
    javac = _require_tool("javac", "a Java 17+ JDK (e.g. Debian's openjdk-17-jdk-headless)")
    shutil.rmtree(classes, ignore_errors=True)
    classes.mkdir(parents=True)
    proc = subprocess.run(
        [javac, "-cp", f"{lib}/*", "-d", str(classes), str(_LAUNCHER)],
        capture_output=True, text=True,
    )
    if proc.returncode != 0:
        raise LocalServerError(f"compiling the Neo4j launcher failed:\n{proc.stderr.strip()}")
    stamp.write_text(digest)
    return classes


def server_status(config: LocalServerConfig) -> ServerStatus:
    """Report whether the server of this home is running (its process is alive and Bolt answers)."""
    pid = _read_pid(config)
    alive = pid is not None and _pid_alive(pid)
    return ServerStatus(
        running=alive and _port_open(config.bolt_port),
        pid=pid if alive else None,
        bolt_uri=config.bolt_uri,
        browser_url=config.browser_url,
        jars_ready=(config.lib / ".complete").exists(),
        user=LOCAL_USER,
        password_file=str(config.password_file),
        password=_read_password(config),
    )


def _read_password(config: LocalServerConfig) -> str | None:
    try:
        return config.password_file.read_text(encoding="utf-8").strip() or None
    except FileNotFoundError:
        return None


def start_server(config: LocalServerConfig) -> ServerStatus:
    """Start the server unless it already runs; return once Bolt answers.

    Raises LocalServerError with the reason when Java is missing, a port is taken by another
    process, the download fails, or the server exits or does not answer in time.
    """
    status = server_status(config)
    if status.running:
        return status
    if status.pid is not None:
        # Alive but not answering yet: an earlier start is still warming up.
        pid = status.pid
        return _wait_ready(config, lambda: _pid_alive(pid), log_offset=0)
    for port, what, var in (
        (config.bolt_port, "Bolt", "KG_NEO4J_BOLT_PORT"),
        (config.http_port, "HTTP", "KG_NEO4J_HTTP_PORT"),
    ):
        if _port_open(port):
            raise LocalServerError(
                f"port {port} ({what}) on 127.0.0.1 is already taken by another process; "
                f"stop it or choose another port with {var}"
            )
    config.home.mkdir(parents=True, exist_ok=True)
    local_credentials(config)  # the launcher reads the file; it never goes on a command line
    lib = install_jars(config)
    classes = _compile_launcher(config, lib)
    java = _require_tool("java", "a Java 17+ runtime")
    log_path = config.home / "launcher.log"
    log_offset = log_path.stat().st_size if log_path.exists() else 0
    cmd = [
        java, f"-Xms{config.heap}", f"-Xmx{config.heap}", *_JVM_FLAGS,
        "-cp", f"{classes}{os.pathsep}{lib}/*", "Launcher",
        str(config.home / "server"), str(config.bolt_port), str(config.http_port),
        str(config.pagecache_mb), str(config.tx_timeout_s), str(config.password_file),
    ]
    with open(log_path, "ab") as log:
        proc = subprocess.Popen(
            cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True,  # survives the terminal that ran `kg neo4j start`
        )
    (config.home / "neo4j.pid").write_text(str(proc.pid))
    return _wait_ready(config, lambda: proc.poll() is None, log_offset)


def import_into_local(config: LocalServerConfig, arguments: tuple[str, ...], database: str = "neo4j",
                      overwrite: bool = False) -> str:
    """Run Neo4j's offline importer (`neo4j-admin database import full`, from the same jars)
    into this server's database; the server must be stopped. Returns the importer's report.

    Raises LocalServerError when the server runs, the database exists and `overwrite` is not
    set, or the importer fails (with the end of its output).
    """
    if server_status(config).running:
        raise LocalServerError("stop the local Neo4j first (kg neo4j stop): the importer writes "
                               "the store files directly")
    store = config.home / "server" / "data" / "databases" / database
    if store.exists() and not overwrite:
        raise LocalServerError(f"database {database!r} already exists in {store.parent}; "
                               f"import only into a new database, or overwrite it")
    lib = install_jars(config)
    java = _require_tool("java", "a Java 17+ runtime")
    home = config.home / "server"
    (home / "conf").mkdir(parents=True, exist_ok=True)
    # The tool finds its home only in the environment: `env` adds it to what this process has.
    cmd = [_require_tool("env", "coreutils' env"), f"NEO4J_HOME={home}", f"NEO4J_CONF={home / 'conf'}",
           java, f"-Xmx{config.heap}", *_JVM_FLAGS, "-cp", f"{lib}/*", "org.neo4j.cli.AdminTool",
           "database", "import", "full", *arguments,
           *(["--overwrite-destination"] if overwrite else []), database]
    # cwd: the importer writes its import.report into the working directory.
    done = subprocess.run(cmd, capture_output=True, text=True, stdin=subprocess.DEVNULL, cwd=home)
    report = "\n".join(line for line in done.stdout.splitlines()
                       if line.strip() and not line.startswith(".........."))
    if done.returncode != 0 or "IMPORT DONE" not in done.stdout:
        tail = "\n".join((report + "\n" + done.stderr).strip().splitlines()[-15:])
        raise LocalServerError(f"the importer failed (exit {done.returncode}):\n{tail}")
    return report


def stop_server(config: LocalServerConfig, timeout_s: float = 60.0) -> bool:
    """Stop the server with SIGTERM (clean shutdown), SIGKILL after `timeout_s`. True if it ran."""
    pid = _read_pid(config)
    if pid is None or not _pid_alive(pid):
        _clear_pid(config)
        return False
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if not _pid_alive(pid):
            break
        time.sleep(0.2)
    else:
        os.kill(pid, signal.SIGKILL)
    _clear_pid(config)
    return True


def _wait_ready(config: LocalServerConfig, alive: Callable[[], bool], log_offset: int) -> ServerStatus:
    log_path = config.home / "launcher.log"
    deadline = time.monotonic() + config.start_timeout_s
    while time.monotonic() < deadline:
        if not alive():
            _clear_pid(config)
            raise LocalServerError(
                "Neo4j exited during start-up; the end of its log "
                f"({log_path}):\n{_log_tail(log_path, log_offset)}"
            )
        if _log_has_ready(log_path, log_offset) and _port_open(config.bolt_port):
            return server_status(config)
        time.sleep(0.25)
    stop_server(config, timeout_s=10)
    raise LocalServerError(
        f"Neo4j did not answer on {config.bolt_uri} within {config.start_timeout_s:.0f} s; "
        f"the end of its log ({log_path}):\n{_log_tail(log_path, log_offset)}"
    )


def _log_has_ready(log_path: Path, offset: int) -> bool:
    try:
        with open(log_path, "rb") as f:
            f.seek(offset)
            return b"READY bolt://" in f.read()
    except FileNotFoundError:
        return False


def _log_tail(log_path: Path, offset: int, lines: int = 20) -> str:
    try:
        with open(log_path, "rb") as f:
            f.seek(offset)
            text = f.read().decode("utf-8", "replace")
    except FileNotFoundError:
        return "(no log)"
    return "\n".join(text.strip().splitlines()[-lines:]) or "(empty log)"


def _require_tool(name: str, what: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise LocalServerError(f"`{name}` was not found on PATH: the local Neo4j needs {what}")
    return path


def _read_pid(config: LocalServerConfig) -> int | None:
    try:
        return int((config.home / "neo4j.pid").read_text().strip())
    except (FileNotFoundError, ValueError):
        return None


def _clear_pid(config: LocalServerConfig) -> None:
    (config.home / "neo4j.pid").unlink(missing_ok=True)


def _pid_alive(pid: int) -> bool:
    try:
        waited, _ = os.waitpid(pid, os.WNOHANG)  # reap our own exited child, if it is one
        if waited == pid:
            return False
    except ChildProcessError:
        pass
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie or a recycled pid that is not Java is not our server.
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return True
    return b"Launcher" in cmdline


def _port_open(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0
