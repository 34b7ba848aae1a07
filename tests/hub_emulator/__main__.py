"""Command line: python -m hub_emulator {serve,start,stop,certs,sas-token} (see README.md)."""

import argparse
import json
import sys
import time
from pathlib import Path

from . import DEFAULT_HUB_NAME, DEFAULT_PAGE_SIZE
from .auth import build_sas_token
from .config import default_config, merge_config
from .lifecycle import LifecycleError, start, stop
from .server import HubEmulatorServer, create_tls_context, serve_until_signalled, write_endpoint_file
from .state import EmulatorState


def _add_serve_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: %(default)s)")
    parser.add_argument("--port", type=int, default=0, help="port to listen on; 0 picks a free one (default)")
    parser.add_argument("--page-size", type=int, default=DEFAULT_PAGE_SIZE, help="list page size (default: %(default)s)")
    parser.add_argument("--tls-cert", help="PEM certificate (chain) to serve HTTPS with; needs --tls-key")
    parser.add_argument("--tls-key", help="PEM private key of --tls-cert")
    parser.add_argument("--hub-name", default=DEFAULT_HUB_NAME, help="hub name used in resource ids (default: %(default)s)")
    parser.add_argument("--config", help="JSON file of settings merged into the startup config (as POST /_emulator/config)")
    parser.add_argument("--endpoint-file", help="write the server URL to this file once listening")
    parser.add_argument("--empty-model", action="store_true",
                        help="start (and reset) with no profiles, interactions or relationships instead of the fixture model")


def _serve_arguments(args: argparse.Namespace) -> list[str]:
    """The serve options of a `start` command line, for the background `serve` process."""
    arguments = ["--host", args.host, "--port", str(args.port), "--page-size", str(args.page_size), "--hub-name", args.hub_name]
    if args.empty_model:
        arguments.append("--empty-model")
    # The background process may run elsewhere than the caller's working directory.
    for option, path in (("--tls-cert", args.tls_cert), ("--tls-key", args.tls_key), ("--config", args.config)):
        if path:
            arguments += [option, str(Path(path).resolve())]
    return arguments


def _startup_config(args: argparse.Namespace) -> dict:
    config = merge_config(default_config(), {"page_size": args.page_size})
    if args.config:
        with open(args.config, encoding="utf-8") as config_file:
            config = merge_config(config, json.load(config_file))
    return config


def _check_serve_options(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    if bool(args.tls_cert) != bool(args.tls_key):
        parser.error("--tls-cert and --tls-key go together")
    try:
        _startup_config(args)
    except (OSError, ValueError) as error:  # ConfigError and JSONDecodeError are ValueErrors
        parser.error(f"invalid startup configuration: {error}")


def _serve(args: argparse.Namespace) -> int:
    try:
        tls_context = create_tls_context(args.tls_cert, args.tls_key) if args.tls_cert else None
        state = EmulatorState(_startup_config(args), hub_name=args.hub_name, seed_model=not args.empty_model)
        server = HubEmulatorServer(args.host, args.port, state, tls_context)
    except OSError as error:  # unreadable certificate or key (ssl.SSLError is an OSError), address in use, ...
        print(f"hub_emulator serve: cannot start: {error}", file=sys.stderr)
        return 1
    serve_until_signalled(server, args.endpoint_file)
    return 0


def _start(args: argparse.Namespace) -> int:
    try:
        url = start(args.state_dir, _serve_arguments(args))
    except LifecycleError as error:
        print(f"hub_emulator start: {error}", file=sys.stderr)
        return 1
    if args.endpoint_file:
        write_endpoint_file(args.endpoint_file, url)
    print(url)
    return 0


def _stop(args: argparse.Namespace) -> int:
    try:
        print(stop(args.state_dir), file=sys.stderr)
    except LifecycleError as error:
        print(f"hub_emulator stop: {error}", file=sys.stderr)
        return 1
    return 0


def _certs(args: argparse.Namespace) -> int:
    # Imported here so that the other commands work without the 'cryptography' package.
    from .certs import generate_certificates

    for path in generate_certificates(args.out, args.days).values():
        print(path)
    return 0


def _sas_token(args: argparse.Namespace) -> int:
    print(build_sas_token(args.endpoint, args.policy, args.key, int(time.time()) + args.lifetime))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m hub_emulator", description="Customer Insights Hub API emulator")
    commands = parser.add_subparsers(dest="command", required=True)

    serve_parser = commands.add_parser("serve", help="serve in the foreground until SIGTERM/SIGINT")
    _add_serve_options(serve_parser)
    serve_parser.set_defaults(run=_serve)

    start_parser = commands.add_parser("start", help="serve as a background process; print its URL")
    start_parser.add_argument("--state-dir", required=True, help="directory for the pid, endpoint and log files")
    _add_serve_options(start_parser)
    start_parser.set_defaults(run=_start)

    stop_parser = commands.add_parser("stop", help="stop the background process started with the same --state-dir")
    stop_parser.add_argument("--state-dir", required=True)
    stop_parser.set_defaults(run=_stop)

    certs_parser = commands.add_parser("certs", help="write a test CA and a localhost server certificate")
    certs_parser.add_argument("--out", required=True, help="directory for ca.pem, server.pem and server-key.pem")
    certs_parser.add_argument("--days", type=int, default=7, help="validity in days (default: %(default)s)")
    certs_parser.set_defaults(run=_certs)

    token_parser = commands.add_parser("sas-token", help="print a SAS token for an endpoint, as a ready token for tests")
    token_parser.add_argument("--endpoint", required=True, help="the hub endpoint (resource URI) the token covers")
    token_parser.add_argument("--policy", default="RootManageSharedAccessKey", help="SAS policy name (default: %(default)s)")
    token_parser.add_argument("--key", required=True, help="the policy's primary or secondary key")
    token_parser.add_argument("--lifetime", type=int, default=3600, help="seconds until expiry (default: %(default)s)")
    token_parser.set_defaults(run=_sas_token)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command in ("serve", "start"):
        # Refuse bad options here, before `start` spawns a process that would only fail later.
        _check_serve_options(parser, args)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
