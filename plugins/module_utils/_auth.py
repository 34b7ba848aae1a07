# -*- coding: utf-8 -*-
# Copyright: (c) 2026, customerinsights.hub contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY
# The interfaces in this file are meant for use within the customerinsights.hub collection
# and may not remain stable to outside uses. Changes may be made in ANY release, even a bugfix release.

"""Authentication for the Customer Insights Hub API: SAS signing, bearer tokens, AAD client credentials."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import time

from urllib.parse import quote_plus

from ansible_collections.customerinsights.hub.plugins.module_utils._client import HubError

AAD_RESOURCE_SCOPE = 'https://azurecustomerinsights.com/.default'
DEFAULT_AUTH_AUTHORITY = 'https://login.microsoftonline.com'

# A SAS token signed by the module lives this long beyond the module's longest wait, so one
# token made at start-up covers every request of the run (polls included).
SAS_TOKEN_LIFETIME = 3600

AUTH_ARGSPEC = dict(
    sas_policy_name=dict(type='str'),
    sas_key=dict(type='str', no_log=True),
    sas_token=dict(type='str', no_log=True),
    access_token=dict(type='str', no_log=True),
    tenant_id=dict(type='str'),
    client_id=dict(type='str'),
    client_secret=dict(type='str', no_log=True),
    auth_authority=dict(type='str', default=DEFAULT_AUTH_AUTHORITY),
)


class AuthMethod:
    """One way of authenticating: its options, the environment variables behind them, and its header.

    One subclass per method; the resolution below picks one, the Authenticator asks it for the header.
    """

    key = None
    description = None
    options = ()
    env = ()

    def given_in(self, params):
        return [option for option in self.options if params.get(option) is not None]

    def from_environment(self, environ):
        return dict((option, environ.get(var)) for option, var in zip(self.options, self.env) if environ.get(var))

    def variables_of(self, options):
        return [var for option, var in zip(self.options, self.env) if option in options]

    def complete(self, values, params):
        """The values the header needs, from the resolved ones and any non-credential task option."""
        return values

    def header(self, values, context):
        """The Authorization header value. context: the Authenticator (hub endpoint, lifetime, secrets, client)."""
        raise NotImplementedError


class SasKeyAuth(AuthMethod):
    """The module signs a SAS token with the policy's key."""

    key = 'sas_key'
    description = 'SAS policy key (sas_policy_name/sas_key)'
    options = ('sas_policy_name', 'sas_key')
    env = ('CUSTOMER_INSIGHTS_SAS_POLICY_NAME', 'CUSTOMER_INSIGHTS_SAS_KEY')

    def header(self, values, context):
        expiry = int(time.time()) + context.token_lifetime
        token = generate_sas_token(context.hub_endpoint, values['sas_policy_name'], values['sas_key'], expiry)
        # The signature alone is a credential until it expires.
        context.keep_secret(token.split('&sig=', 1)[1].split('&', 1)[0])
        return token


class SasTokenAuth(AuthMethod):
    """A ready SAS token, sent as it is."""

    key = 'sas_token'
    description = 'SAS token (sas_token)'
    options = ('sas_token',)
    env = ('CUSTOMER_INSIGHTS_SAS_TOKEN',)

    def header(self, values, context):
        return values['sas_token']


class AccessTokenAuth(AuthMethod):
    """A ready Azure AD access token, sent as Bearer."""

    key = 'access_token'
    description = 'Azure AD access token (access_token)'
    options = ('access_token',)
    env = ('CUSTOMER_INSIGHTS_ACCESS_TOKEN',)

    def header(self, values, context):
        return 'Bearer %s' % values['access_token']


class ClientCredentialsAuth(AuthMethod):
    """A service principal: the module asks the Azure AD authority for a token once per run."""

    key = 'client_credentials'
    description = 'Azure AD client credentials (tenant_id/client_id/client_secret)'
    options = ('tenant_id', 'client_id', 'client_secret')
    env = ('AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET')

    def complete(self, values, params):
        return dict(values, auth_authority=params.get('auth_authority') or DEFAULT_AUTH_AUTHORITY)

    def header(self, values, context):
        return 'Bearer %s' % context.keep_secret(request_client_credentials_token(context.client, values))


AUTH_METHODS = (SasKeyAuth(), SasTokenAuth(), AccessTokenAuth(), ClientCredentialsAuth())


class AuthConfigError(HubError):
    """The auth options are incomplete or ambiguous; raised before any request is made."""


def resolve_auth_params(params, environ=None):
    """Pick exactly one auth method and return (method, {option: value}).

    The task decides the method when it names any auth option; an option of that method it leaves
    out comes from its own environment variable (a key kept in the environment, a policy name in
    the task). Only when the task names none is the environment asked for a method, and then just
    the complete methods there count. So a task can always override a credential of another kind
    exported in the shell without tripping the 'exactly one method' rule.
    """
    environ = os.environ if environ is None else environ
    in_task = [method for method in AUTH_METHODS if method.given_in(params)]
    if len(in_task) > 1:
        raise AuthConfigError('Authentication methods are mutually exclusive, but the task gives %s.'
                              % ' and '.join(method.description for method in in_task))
    if in_task:
        method = in_task[0]
        values = dict(method.from_environment(environ), **dict((option, params[option]) for option in method.given_in(params)))
    else:
        found = [(method, method.from_environment(environ)) for method in AUTH_METHODS]
        complete = [(method, values) for method, values in found if len(values) == len(method.options)]
        if len(complete) > 1:
            raise AuthConfigError('Authentication methods are mutually exclusive, but the environment variables give %s.'
                                  % ' and '.join(method.description for method, _values in complete))
        if not complete:
            partial = ['%s lacks %s' % (method.description, ', '.join(method.variables_of(set(method.options) - set(values))))
                       for method, values in found if values]
            raise AuthConfigError(
                'No authentication method given. Set exactly one of: %s.%s'
                % ('; '.join('%s, or the environment variables %s' % (method.description, ', '.join(method.env))
                             for method in AUTH_METHODS),
                   ' Incomplete in the environment: %s.' % '; '.join(partial) if partial else ''))
        method, values = complete[0]
    missing = [option for option in method.options if option not in values]
    if missing:
        raise AuthConfigError('%s needs %s; missing: %s (set in the task or through %s).'
                              % (method.description, ', '.join(method.options), ', '.join(missing),
                                 ', '.join(method.variables_of(missing))))
    problems = [credential_problem(option, values[option], sent_as_is=option in SENT_AS_IS) for option in method.options]
    problems = [problem for problem in problems if problem]
    if problems:
        raise AuthConfigError('%s: %s.' % (method.description, '; '.join(problems)))
    return method, method.complete(values, params)


# Options that go into the Authorization header as they are (the others are signed or URL-encoded).
SENT_AS_IS = frozenset(('sas_token', 'access_token'))


def credential_problem(option, value, sent_as_is=False):
    """Why a credential cannot go into a request, without ever quoting it."""
    value = str(value)
    if not value.strip():
        return '%s must not be empty' % option
    # A header value with a line break or control character is refused by requests with an error
    # that quotes the whole header: refuse it here, naming only the option.
    if value != value.strip() or any(ord(char) < 32 or ord(char) == 127 for char in value):
        return '%s must not have leading or trailing white space or control characters (such as a line break)' % option
    if sent_as_is and not value.isascii():
        return '%s must be ASCII text, as tokens are; it holds other characters' % option
    return None


def generate_sas_token(resource_uri, policy_name, key, expiry):
    """Sign a Hub SAS token (the Service Bus / Event Hubs convention the Hub docs describe).

    The string to sign is quote_plus(uri) + LF + expiry, the HMAC-SHA256 key is the UTF-8 bytes of
    the key string (not base64-decoded), and the base64 signature is URL-encoded in the header.
    The Hub docs print the prefix as 'SharedAccessSignature-sig=...'; the hyphen is a typo for the
    space every Azure SAS scheme uses.
    """
    encoded_uri = quote_plus(resource_uri)
    string_to_sign = '%s\n%d' % (encoded_uri, expiry)
    digest = hmac.new(key.encode('utf-8'), string_to_sign.encode('utf-8'), hashlib.sha256).digest()
    signature = base64.b64encode(digest).decode('ascii')
    return 'SharedAccessSignature sr=%s&sig=%s&se=%d&skn=%s' % (encoded_uri, quote_plus(signature), expiry, quote_plus(policy_name))


class Authenticator:
    """Produces the Authorization header; made once per module run so tokens are made once too."""

    def __init__(self, method, values, hub_endpoint, token_lifetime=SAS_TOKEN_LIFETIME, register_secret=None):
        self.method = method
        self._values = values
        self.hub_endpoint = hub_endpoint
        self.token_lifetime = token_lifetime
        self._register_secret = register_secret or (lambda secret: None)
        self._header = None
        # The client of the run, while a header is being made (the token request goes through it).
        self.client = None

    @property
    def description(self):
        return self.method.description

    def keep_secret(self, secret):
        """Register a secret (and its URL-encoded form) to be scrubbed from everything the module returns."""
        # The module scrubs these strings from everything it returns, also when a hub echoes them.
        for form in (secret, quote_plus(secret)):
            if form:
                self._register_secret(form)
        return secret

    def authorization_header(self, client):
        """The Authorization header value, made on first use; the client serves the AAD token request."""
        if self._header is None:
            self.client = client
            self._header = self.keep_secret(self.method.header(self._values, self))
        return self._header


class AadTokenError(HubError):
    """The Azure AD authority refused to hand out a token."""


def request_client_credentials_token(client, values):
    """POST the OAuth2 client-credentials grant to <authority>/<tenant>/oauth2/v2.0/token."""
    authority = values['auth_authority'].rstrip('/')
    url = '%s/%s/oauth2/v2.0/token' % (authority, quote_plus(values['tenant_id']))
    form = dict(grant_type='client_credentials', client_id=values['client_id'],
                client_secret=values['client_secret'], scope=AAD_RESOURCE_SCOPE)
    response = client.send('POST', url, form=form, authenticate=False)
    body = response.json if isinstance(response.json, dict) else {}
    if response.status != 200 or not body.get('access_token'):
        raise AadTokenError('The Azure AD authority %s refused a token to client_id %s of tenant %s (HTTP %s): %s: %s'
                            % (authority, values['client_id'], values['tenant_id'], response.status,
                               body.get('error', 'unknown_error'),
                               body.get('error_description') or response.text.strip()[:300] or 'no details'))
    return body['access_token']
