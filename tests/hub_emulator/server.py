"""HTTP transport: the threaded server, the request handler, fault actions and the request log.

The API modules decide what to answer; this module reads requests, applies fault rules, logs
Hub API requests and writes the answers.
"""

import json
import signal
import socket
import socketserver
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from . import __version__, admin_api, services
from .auth import split_scheme
from .faults import FaultRule
from .messages import IncomingRequest, Response, arm_error, status_code_name
from .state import EmulatorState

MAX_BODY_BYTES = 10 * 1024 * 1024
JSON_CONTENT_TYPE = "application/json"


def create_tls_context(cert_file: str, key_file: str) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    return context


class HubEmulatorServer(ThreadingHTTPServer):
    # Handler threads must not keep the process alive: a client may hold a keep-alive connection.
    daemon_threads = True
    # socketserver's default listen backlog of 5 makes bursts of parallel connections (several
    # test workers, a client's connection pool) fail with resets before the handler ever runs.
    request_queue_size = 128

    def __init__(self, host: str, port: int, state: EmulatorState, tls_context: ssl.SSLContext | None = None):
        self.address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.state = state
        self.tls_context = tls_context
        super().__init__((host, port), HubRequestHandler)
        if tls_context is not None:
            # The handshake then runs in the handler thread (see HubRequestHandler.setup), so a
            # client that connects and stays silent cannot block accept() for everybody else.
            self.socket = tls_context.wrap_socket(self.socket, server_side=True, do_handshake_on_connect=False)

    def server_bind(self) -> None:
        # HTTPServer.server_bind looks up the host's FQDN, which can stall for seconds without DNS.
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = self.server_address[:2]

    @property
    def scheme(self) -> str:
        return "https" if self.tls_context is not None else "http"

    @property
    def url(self) -> str:
        host = self.server_address[0]
        return f"{self.scheme}://{f'[{host}]' if ':' in host else host}:{self.server_address[1]}"

    def handle_error(self, request, client_address) -> None:
        error = sys.exc_info()[1]
        # A client that hangs up or fails the TLS handshake is not an emulator bug: one line is enough.
        if isinstance(error, (ConnectionError, ssl.SSLError, TimeoutError)):
            sys.stderr.write(f"connection from {client_address[0]} ended: {error!r}\n")
            return
        super().handle_error(request, client_address)


def _fault_body(fault: FaultRule) -> object:
    if fault.body is not None:
        return fault.body
    return {"error": {"code": status_code_name(fault.status), "message": f"Injected fault: HTTP {fault.status}."}}


def _with_echoed_headers(response: Response, request: IncomingRequest, echo: bool) -> Response:
    """Add the request headers to an error body when echo_headers_in_errors is on.

    This imitates a misbehaving hub that reflects secrets, for tests proving that the client scrubs them.
    """
    if not echo or response.status < 400 or not isinstance(response.body, dict):
        return response
    return Response(response.status, {**response.body, "requestHeaders": dict(request.headers)}, response.headers)


class HubRequestHandler(BaseHTTPRequestHandler):
    server: HubEmulatorServer
    server_version = f"HubEmulator/{__version__}"
    sys_version = ""
    protocol_version = "HTTP/1.1"
    # Seconds an idle keep-alive connection (or a silent TLS client) may hold a handler thread.
    timeout = 60

    def setup(self) -> None:
        super().setup()
        if isinstance(self.connection, ssl.SSLSocket):
            self.connection.do_handshake()

    def do_GET(self) -> None:
        self._dispatch()

    do_PUT = do_POST = do_DELETE = do_PATCH = do_OPTIONS = do_GET

    def send_error(self, code, message=None, explain=None) -> None:
        """Answer malformed or unsupported requests (e.g. HEAD) with JSON instead of an HTML page."""
        self.log_error("code %d, message %s", code, message)
        self.close_connection = True
        self._send(arm_error(code, status_code_name(code), message or explain or "The request cannot be handled.",
                             headers={"Connection": "close"}))

    # ---- reading --------------------------------------------------------------------------

    def _read_body(self) -> bytes | Response:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            return arm_error(411, "LengthRequired", "Chunked request bodies are not supported; send Content-Length.")
        try:
            length = int(self.headers.get("Content-Length", "0"))
        except ValueError:
            length = -1
        if length < 0:
            return arm_error(400, "InvalidContentLength", "The Content-Length header is not a non-negative integer.")
        if length > MAX_BODY_BYTES:
            return arm_error(413, "RequestEntityTooLarge", f"The request body is larger than {MAX_BODY_BYTES} bytes.")
        # Always read the whole body, even for requests that get faulted: unread bytes left in
        # the socket make closing it send a reset, which would mask the fault being emulated.
        return self.rfile.read(length)

    def _headers(self) -> dict[str, str]:
        headers: dict[str, str] = {}
        for name, value in self.headers.items():
            headers[name] = f"{headers[name]}, {value}" if name in headers else value
        return headers

    def _root_url(self) -> str:
        """The server root as the client addressed it, so generated URLs work for localhost and 127.0.0.1 alike."""
        host = self.headers.get("Host") or urlsplit(self.server.url).netloc
        return f"{self.server.scheme}://{host}"

    def _dispatch(self) -> None:
        url = urlsplit(self.path)
        body = self._read_body()
        request = IncomingRequest(
            method=self.command,
            path=url.path,
            query=parse_qs(url.query, keep_blank_values=True),
            headers=self._headers(),
            body=body if isinstance(body, bytes) else b"",
            root_url=self._root_url(),
        )
        is_admin = admin_api.is_admin_path(url.path)
        if isinstance(body, Response):
            # The body was not read, so this connection cannot carry another request.
            self.close_connection = True
            if is_admin:
                self._send(body)
            else:
                self._answer_unfaulted(request, body)
        elif is_admin:
            with self.server.state.lock:
                response = admin_api.handle(request, self.server.state)
            self._send(response)
        else:
            self._serve_hub(request)

    # ---- Hub API: faults, log, answer ----------------------------------------------------------

    def _record(self, request: IncomingRequest, status: int | None, fault: FaultRule | None) -> None:
        """Log a request; always before answering it, so a client never sees an answer that is not logged yet."""
        scheme = split_scheme(request.header("Authorization"))[0]
        query = {name: values[-1] for name, values in request.query.items()}
        self.server.state.requests.record(request.method, request.path, query, status, scheme,
                                          fault.label() if fault is not None else None,
                                          "%s:%s" % self.client_address[:2],
                                          proxied=self.path.startswith(("http://", "https://")))

    def _answer_unfaulted(self, request: IncomingRequest, response: Response | None = None,
                          fault: FaultRule | None = None) -> None:
        state = self.server.state
        with state.lock:
            if response is None:
                response = services.handle(request, state)
            response = _with_echoed_headers(response, request, state.config["echo_headers_in_errors"])
            self._record(request, response.status, fault)
        self._send(response)

    def _serve_hub(self, request: IncomingRequest) -> None:
        state = self.server.state
        with state.lock:
            # The token endpoints stand for AAD and managed identities, different services: only rules aimed
            # at them (path_contains naming them) hit them, so hub faults never break a token request by chance.
            fault = state.faults.consume(request.method, request.path, aad=services.is_token_service_path(request.path))
            if fault is not None and fault.action in ("drop", "truncate"):
                self._record(request, fault.status if fault.action == "truncate" else None, fault)
        if fault is not None:
            self.log_message("injecting fault %s into %s %s", fault.label(), request.method, request.path)
        if fault is None:
            self._answer_unfaulted(request)
        elif fault.action == "delay":
            time.sleep(fault.delay)
            self._answer_unfaulted(request, fault=fault)
        elif fault.action == "status":
            headers = {"Retry-After": fault.retry_after} if fault.retry_after is not None else {}
            self._answer_unfaulted(request, Response(fault.status, _fault_body(fault), headers), fault)
        elif fault.action == "drop":
            # Nothing is written; the server closes the socket once this method returns.
            self.close_connection = True
        else:
            self._send_truncated(fault)

    # ---- writing --------------------------------------------------------------------------

    def _send(self, response: Response) -> None:
        payload = response.encoded_body()
        self.send_response(response.status)
        if response.body is not None:
            self.send_header("Content-Type", JSON_CONTENT_TYPE)
        for name, value in response.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)

    def _send_truncated(self, fault: FaultRule) -> None:
        """Announce the whole body in Content-Length, send half of it and hang up."""
        payload = json.dumps(_fault_body(fault)).encode("utf-8")
        self.close_connection = True
        self.send_response(fault.status)
        self.send_header("Content-Type", JSON_CONTENT_TYPE)
        if fault.retry_after is not None:
            self.send_header("Retry-After", fault.retry_after)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload[:len(payload) // 2])


def write_endpoint_file(path: str, url: str) -> None:
    """Write atomically, so a reader polling for the file never sees it half written."""
    target = Path(path)
    temporary = target.with_name(target.name + ".tmp")
    temporary.write_text(url + "\n", encoding="utf-8")
    temporary.replace(target)


def serve_until_signalled(server: HubEmulatorServer, endpoint_file: str | None = None) -> None:
    """Serve until SIGTERM or SIGINT, then shut down cleanly."""
    stop_requested = threading.Event()

    def request_stop(_signum, _frame) -> None:
        stop_requested.set()

    signal.signal(signal.SIGTERM, request_stop)
    signal.signal(signal.SIGINT, request_stop)
    # serve_forever runs in a thread because server.shutdown(), called from the thread that is
    # serving, would wait for itself forever.
    serving = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2}, name="hub-emulator", daemon=True)
    serving.start()
    print(f"Hub emulator listening on {server.url}", flush=True)
    if endpoint_file:
        write_endpoint_file(endpoint_file, server.url)
    while not stop_requested.wait(0.5):
        pass
    server.shutdown()
    server.server_close()
    print("Hub emulator stopped", flush=True)
