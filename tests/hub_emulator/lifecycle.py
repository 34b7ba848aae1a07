"""Running the emulator as a detached background process: `start` and `stop`.

The state directory holds:
  pid            process id of the `serve` process
  endpoint       its URL (written by `serve` once it listens)
  emulator.log   its stdout and stderr
"""

import http.client
import json
import os
import signal
import ssl
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

PID_FILE = "pid"
ENDPOINT_FILE = "endpoint"
LOG_FILE = "emulator.log"
START_TIMEOUT_SECONDS = 15.0
STOP_TIMEOUT_SECONDS = 10.0
POLL_INTERVAL_SECONDS = 0.1
LOG_TAIL_LINES = 40

PACKAGE_DIR = Path(__file__).resolve().parent


class LifecycleError(RuntimeError):
    """Starting or stopping failed; the message is meant for the person running the tests."""


def _log_tail(state_dir: Path) -> str:
    try:
        lines = (state_dir / LOG_FILE).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return "(no log)"
    return "\n".join(lines[-LOG_TAIL_LINES:]) or "(log is empty)"


def _is_healthy(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme == "https":
        # Only liveness is checked here, and the certificate may come from any CA: the test
        # clients verify it properly.
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        connection = http.client.HTTPSConnection(parts.netloc, timeout=2, context=context)
    else:
        connection = http.client.HTTPConnection(parts.netloc, timeout=2)
    try:
        connection.request("GET", "/_emulator/health")
        response = connection.getresponse()
        return response.status == 200 and json.loads(response.read()).get("status") == "ok"
    except (OSError, ValueError, http.client.HTTPException):
        return False
    finally:
        connection.close()


def _process_is_running(pid: int) -> bool:
    """True for a live process; a zombie (exited, not yet reaped by its parent) counts as stopped."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        # /proc/<pid>/stat is "pid (comm) state ...", and comm may contain spaces or parentheses.
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8", errors="replace")
        return stat.rpartition(")")[2].split()[0] != "Z"
    except (OSError, IndexError):
        return True


def _is_emulator_process(pid: int) -> bool:
    """Guard against a recycled pid: only signal a process whose command line runs hub_emulator."""
    try:
        command_line = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return True  # no /proc here: trust the pid file
    return b"hub_emulator" in command_line


def _wait_until_stopped(pid: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not _process_is_running(pid):
            return True
        time.sleep(POLL_INTERVAL_SECONDS)
    return not _process_is_running(pid)


def _read_pid(state_dir: Path) -> int | None:
    try:
        return int((state_dir / PID_FILE).read_text(encoding="utf-8").strip())
    except (OSError, ValueError):
        return None


def start(state_dir: str, serve_arguments: list[str], timeout: float = START_TIMEOUT_SECONDS) -> str:
    """Start `serve` detached, wait until it is healthy, return its URL; raise LifecycleError on failure."""
    directory = Path(state_dir).resolve()
    directory.mkdir(parents=True, exist_ok=True)
    running_pid = _read_pid(directory)
    if running_pid is not None and _process_is_running(running_pid) and _is_emulator_process(running_pid):
        raise LifecycleError(f"an emulator (pid {running_pid}) already runs for {directory}; stop it first")
    endpoint_path = directory / ENDPOINT_FILE
    endpoint_path.unlink(missing_ok=True)

    environment = dict(os.environ)
    # The package is imported by name in the child, wherever the caller's working directory is.
    environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PACKAGE_DIR.parent), environment.get("PYTHONPATH")]))
    command = [sys.executable, "-m", PACKAGE_DIR.name, "serve", *serve_arguments, "--endpoint-file", str(endpoint_path)]
    with open(directory / LOG_FILE, "ab") as log:
        # A new session keeps the test shell's Ctrl-C and job control away from the emulator;
        # stop() ends it explicitly. No "with": the process must outlive this function.
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,  # pylint: disable=consider-using-with
                                   env=environment, start_new_session=True)

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise LifecycleError(f"the emulator exited with status {process.returncode} while starting; "
                                 f"log tail:\n{_log_tail(directory)}")
        if endpoint_path.exists():
            url = endpoint_path.read_text(encoding="utf-8").strip()
            if url and _is_healthy(url):
                (directory / PID_FILE).write_text(f"{process.pid}\n", encoding="utf-8")
                return url
        time.sleep(POLL_INTERVAL_SECONDS)

    process.kill()
    process.wait()
    raise LifecycleError(f"the emulator did not become healthy within {timeout:g} s; log tail:\n{_log_tail(directory)}")


def _terminate(pid: int, timeout: float) -> str:
    try:
        os.kill(pid, signal.SIGTERM)
        if _wait_until_stopped(pid, timeout):
            return f"Hub emulator (pid {pid}) stopped"
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        return f"Hub emulator (pid {pid}) had already exited"
    if not _wait_until_stopped(pid, timeout):
        raise LifecycleError(f"the emulator (pid {pid}) survived SIGKILL")
    return f"Hub emulator (pid {pid}) killed after ignoring SIGTERM for {timeout:g} s"


def stop(state_dir: str, timeout: float = STOP_TIMEOUT_SECONDS) -> str:
    """Stop the emulator recorded in state_dir (SIGTERM, then SIGKILL); fine if it is not running."""
    directory = Path(state_dir)
    pid = _read_pid(directory)
    if pid is None or not _process_is_running(pid) or not _is_emulator_process(pid):
        message = "Hub emulator is not running"
    else:
        message = _terminate(pid, timeout)
    for name in (PID_FILE, ENDPOINT_FILE):
        (directory / name).unlink(missing_ok=True)
    return message
