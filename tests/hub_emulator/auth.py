"""Authentication of Hub API requests (SAS and bearer tokens) and the emulated AAD token endpoint.

SAS decisions on the ambiguities of the Hub docs (see README.md): the scheme is followed by a
space (the documented "SharedAccessSignature-sig=..." form is taken for a typo and refused),
the signed string is the still URL-encoded "sr" value + "\\n" + "se", the HMAC key is the UTF-8
encoding of the key string, and "sig" is the URL-encoded base64 of the digest.

No message produced here contains a key, a signature or a token.
"""

import base64
import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, quote_plus, unquote_plus

from . import AAD_SCOPES, AAD_TOKEN_LIFETIME_SECONDS, ARM_AUDIENCES, HUB_AUDIENCE
from .messages import Response

SAS_SCHEME = "SharedAccessSignature"
BEARER_SCHEME = "Bearer"
READ, WRITE, MANAGE = "Read", "Write", "Manage"
SAS_PARAMETERS = ("sr", "sig", "se", "skn")


@dataclass(frozen=True)
class AuthFailure:
    status: int
    code: str
    message: str


def _unauthorized(message: str) -> AuthFailure:
    return AuthFailure(401, "Unauthorized", message)


def build_sas_token(resource_uri: str, policy_name: str, key: str, expiry: int) -> str:
    """The Authorization header value a client sends; the reference for the algorithm verified here."""
    encoded_uri = quote_plus(resource_uri)
    digest = hmac.new(key.encode("utf-8"), f"{encoded_uri}\n{expiry}".encode("utf-8"), hashlib.sha256).digest()
    signature = quote_plus(base64.b64encode(digest).decode("ascii"))
    return f"{SAS_SCHEME} sr={encoded_uri}&sig={signature}&se={expiry}&skn={quote_plus(policy_name)}"


def split_scheme(header_value: str | None) -> tuple[str | None, str]:
    """('SharedAccessSignature' | 'Bearer' | None, credentials); schemes are case-insensitive (RFC 9110)."""
    if not header_value:
        return None, ""
    scheme, _space, credentials = header_value.strip().partition(" ")
    for known in (SAS_SCHEME, BEARER_SCHEME):
        if scheme.lower() == known.lower():
            return known, credentials.strip()
    return None, ""


def required_right(method: str) -> str:
    return READ if method == "GET" else WRITE


class TokenStore:
    """Access tokens issued by the emulated token endpoints, with their expiry (epoch seconds) and audience."""

    def __init__(self) -> None:
        self._expiry_by_token: dict[str, float] = {}
        self._audience_by_token: dict[str, str] = {}

    def issue(self, now: float, audience: str = HUB_AUDIENCE) -> str:
        token = secrets.token_urlsafe(32)
        self._expiry_by_token[token] = now + AAD_TOKEN_LIFETIME_SECONDS
        self._audience_by_token[token] = audience
        return token

    def expiry(self, token: str) -> float | None:
        return self._expiry_by_token.get(token)

    def audience(self, token: str) -> str | None:
        return self._audience_by_token.get(token)

    def issued(self) -> list[str]:
        """Every token issued since the last reset, oldest first (expired ones included)."""
        return list(self._expiry_by_token)

    def clear(self) -> None:
        self._expiry_by_token.clear()
        self._audience_by_token.clear()


def authorize(header_value: str | None, request_url: str, right: str, config: dict[str, Any],
              tokens: TokenStore, now: float | None = None) -> AuthFailure | None:
    """None when the Authorization header grants right on request_url, else why not."""
    now = time.time() if now is None else now
    scheme, credentials = split_scheme(header_value)
    if scheme == SAS_SCHEME:
        return _check_sas(credentials, request_url, right, config["sas_policies"], now)
    if scheme == BEARER_SCHEME:
        return _check_hub_bearer(credentials, config, tokens, now)
    if not header_value:
        return _unauthorized("The request has no Authorization header.")
    if header_value.startswith(SAS_SCHEME + "-"):
        return _unauthorized("Malformed SAS token: the scheme 'SharedAccessSignature' must be followed by a space.")
    return _unauthorized("Unsupported authorization scheme; use 'SharedAccessSignature' or 'Bearer'.")


def _is_one_of(token: str, known_tokens: list[str]) -> bool:
    return any(hmac.compare_digest(token.encode("utf-8"), known.encode("utf-8")) for known in known_tokens)


def bearer_audience(token: str, config: dict[str, Any], tokens: TokenStore, now: float) -> str | AuthFailure:
    """The audience of a valid bearer token (a configured one or an unexpired issued one), or why it is not valid."""
    if not token:
        return _unauthorized("The bearer token is empty.")
    if _is_one_of(token, config["bearer_tokens"]):
        return HUB_AUDIENCE
    if _is_one_of(token, config["arm_bearer_tokens"]):
        return ARM_AUDIENCES[0]
    expiry = tokens.expiry(token)
    if expiry is None:
        return _unauthorized("The bearer token is not valid.")
    if expiry <= now:
        return _unauthorized("The bearer token has expired.")
    return tokens.audience(token) or HUB_AUDIENCE


def _check_hub_bearer(token: str, config: dict[str, Any], tokens: TokenStore, now: float) -> AuthFailure | None:
    audience = bearer_audience(token, config, tokens, now)
    if isinstance(audience, AuthFailure) or audience == HUB_AUDIENCE:
        return audience if isinstance(audience, AuthFailure) else None
    return _unauthorized(f"The bearer token was issued for the audience '{audience}', not for the Hub API ('{HUB_AUDIENCE}').")


def _parse_sas(credentials: str) -> dict[str, str] | AuthFailure:
    """The raw (still URL-encoded) sr/sig/se/skn values; other parameters are ignored."""
    raw: dict[str, str] = {}
    for pair in credentials.split("&"):
        name, separator, value = pair.partition("=")
        if not separator:
            return _unauthorized(f"Malformed SAS token: parameter '{name}' has no value.")
        if name in SAS_PARAMETERS:
            if name in raw:
                return _unauthorized(f"Malformed SAS token: parameter '{name}' is repeated.")
            raw[name] = value
    missing = [name for name in SAS_PARAMETERS if name not in raw]
    if missing:
        return _unauthorized(f"Malformed SAS token: missing parameter(s) {', '.join(missing)}.")
    return raw


def _url_is_under(request_url: str, resource_uri: str) -> bool:
    base = resource_uri.rstrip("/").lower()
    url = request_url.lower()
    # Compare whole path segments: a token for .../relationshipLinks/a covers neither .../ab nor .../abc.
    return url == base or url.startswith(base + "/")


def _check_sas(credentials: str, request_url: str, right: str, policies: dict[str, Any], now: float) -> AuthFailure | None:
    parsed = _parse_sas(credentials)
    if isinstance(parsed, AuthFailure):
        return parsed
    if not parsed["se"].isdigit():
        return _unauthorized("Malformed SAS token: 'se' must be the expiry in epoch seconds.")
    if int(parsed["se"]) <= now:
        return _unauthorized("The SAS token has expired.")
    policy_name = unquote_plus(parsed["skn"])
    policy = policies.get(policy_name)
    if policy is None:
        return _unauthorized(f"Unknown SAS policy '{policy_name}'.")
    string_to_sign = f"{parsed['sr']}\n{parsed['se']}".encode("utf-8")
    presented = unquote_plus(parsed["sig"]).encode("utf-8")
    keys = [key for key in (policy["primary_key"], policy.get("secondary_key")) if key]
    # Evaluate every key (no short-circuit) so the timing does not tell which key matched.
    matches = [hmac.compare_digest(presented, base64.b64encode(hmac.new(key.encode("utf-8"), string_to_sign, hashlib.sha256).digest()))
               for key in keys]
    if not any(matches):
        return _unauthorized(f"The SAS signature does not match any key of policy '{policy_name}'.")
    resource_uri = unquote_plus(parsed["sr"])
    if not _url_is_under(request_url, resource_uri):
        return _unauthorized(f"The SAS token is for '{resource_uri}', which does not cover '{request_url}'.")
    if right not in policy["rights"] and MANAGE not in policy["rights"]:
        return AuthFailure(403, "AuthorizationFailed", f"SAS policy '{policy_name}' does not grant {right}")
    return None


# ---- Azure AD client-credentials token endpoint ------------------------------------------------

def aad_error(status: int, error: str, aadsts: int, description: str) -> Response:
    return Response(status, {"error": error, "error_description": f"AADSTS{aadsts}: {description}", "error_codes": [aadsts]})


def issue_aad_token(tenant: str, body: bytes, aad_config: dict[str, str], tokens: TokenStore, now: float | None = None) -> Response:
    """Answer POST /<tenant>/oauth2/v2.0/token like AAD's client-credentials grant does.

    Checks run in this order: tenant, grant_type, client_id, client_secret, scope. The scope names
    the audience of the token: the Hub API's or Azure Resource Manager's (AAD_SCOPES).
    """
    now = time.time() if now is None else now
    if tenant != aad_config["tenant"]:
        return aad_error(400, "invalid_request", 90002, f"Tenant '{tenant}' not found.")
    try:
        form = {name: values[0] for name, values in parse_qs(body.decode("utf-8"), keep_blank_values=True).items()}
    except UnicodeDecodeError:
        return aad_error(400, "invalid_request", 900144, "The request body must be form-encoded UTF-8.")
    for parameter in ("grant_type", "client_id", "client_secret", "scope"):
        if not form.get(parameter):
            return aad_error(400, "invalid_request", 900144, f"The request body must contain the following parameter: '{parameter}'.")
    if form["grant_type"] != "client_credentials":
        return aad_error(400, "unsupported_grant_type", 70003, f"The app requested an unsupported grant type '{form['grant_type']}'.")
    if form["client_id"] != aad_config["client_id"]:
        return aad_error(400, "unauthorized_client", 700016,
                         f"Application with identifier '{form['client_id']}' was not found in the directory '{tenant}'.")
    if not hmac.compare_digest(form["client_secret"].encode("utf-8"), aad_config["client_secret"].encode("utf-8")):
        return aad_error(401, "invalid_client", 7000215, "Invalid client secret provided.")
    audience = AAD_SCOPES.get(form["scope"])
    if audience is None:
        return aad_error(400, "invalid_scope", 70011, f"The provided value for the input parameter 'scope' ('{form['scope']}') "
                         f"is not valid; use one of {', '.join(sorted(AAD_SCOPES))}.")
    return Response(200, {
        "token_type": "Bearer",
        "expires_in": AAD_TOKEN_LIFETIME_SECONDS,
        "ext_expires_in": AAD_TOKEN_LIFETIME_SECONDS,
        "access_token": tokens.issue(now, audience),
    })
