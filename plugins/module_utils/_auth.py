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
import time

from urllib.parse import quote_plus, urlencode

from ansible.module_utils.basic import env_fallback

from ansible_collections.customerinsights.hub.plugins.module_utils._addressing import HUB_AUDIENCE
from ansible_collections.customerinsights.hub.plugins.module_utils._client import HubConnectionError, HubError, parse_error_body

# The authority when neither auth_authority nor a cloud_environment says otherwise.
DEFAULT_AUTH_AUTHORITY = 'https://login.microsoftonline.com'

# A SAS token signed by the module lives this long beyond the module's longest wait, so one
# token made at start-up covers every request of the run (polls included).
SAS_TOKEN_LIFETIME = 3600

AUTH_SOURCE_ENV = 'ANSIBLE_AZURE_AUTH_SOURCE'
AUTH_SOURCES = ('auto', 'env', 'credential_file', 'cli', 'msi')

AUTH_ARGSPEC = dict(
    sas_policy_name=dict(type='str'),
    sas_key=dict(type='str', no_log=True),
    sas_token=dict(type='str', no_log=True),
    access_token=dict(type='str', no_log=True),
    tenant_id=dict(type='str'),
    client_id=dict(type='str'),
    client_secret=dict(type='str', no_log=True),
    # No default: the cloud's authority (see _addressing.CLOUDS) unless given.
    auth_authority=dict(type='str'),
    # No default in the argspec, or the environment variable would never be read ('auto' then).
    auth_source=dict(type='str', choices=list(AUTH_SOURCES), fallback=(env_fallback, [AUTH_SOURCE_ENV])),
    # Resolved by the credential file source: the task's value, then AZURE_PROFILE, then 'default'.
    credential_profile=dict(type='str'),
)


class AuthMethod:
    """One way of authenticating: its options, the environment variables behind them, and its header.

    One subclass per method; a credential source (_credentials.py) picks one and its values, the
    Authenticator asks it for the header.
    """

    key = None
    description = None
    options = ()
    env = ()
    # Other spellings of the variables, read when the first spelling is not set (azure.azcollection's).
    alternative_env = {}
    # SAS belongs to the Hub API: Azure Resource Manager only takes bearer tokens.
    hub_api_only = False

    def given_in(self, params):
        return [option for option in self.options if params.get(option) is not None]

    def variables(self, option):
        """The environment variables of an option, first spelling first."""
        return (dict(zip(self.options, self.env))[option],) + tuple(self.alternative_env.get(option, ()))

    def from_environment(self, environ):
        values = {}
        for option in self.options:
            found = [environ[var] for var in self.variables(option) if environ.get(var)]
            if found:
                values[option] = found[0]
        return values

    def variables_of(self, options):
        """'AZURE_TENANT_ID (or AZURE_TENANT)', ... for the given options, in the method's order."""
        return [' (or '.join(self.variables(option)) + ')' * (len(self.variables(option)) - 1)
                for option in self.options if option in options]

    def header(self, values, context):
        """The Authorization header value. context: the Authenticator (hub endpoint, audience, secrets, client)."""
        raise NotImplementedError


class SasKeyAuth(AuthMethod):
    """The module signs a SAS token with the policy's key."""

    key = 'sas_key'
    description = 'SAS policy key (sas_policy_name/sas_key)'
    options = ('sas_policy_name', 'sas_key')
    env = ('CUSTOMER_INSIGHTS_SAS_POLICY_NAME', 'CUSTOMER_INSIGHTS_SAS_KEY')
    hub_api_only = True

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
    hub_api_only = True

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
    alternative_env = dict(tenant_id=('AZURE_TENANT',), client_secret=('AZURE_SECRET',))

    def header(self, values, context):
        return 'Bearer %s' % context.keep_secret(request_client_credentials_token(context.client, values, context.authority,
                                                                                  context.audience))


class AzureCliAuth(AccessTokenAuth):
    """The token `az account get-access-token` printed (the credential source ran it, see _credentials.py)."""

    key = 'cli'
    description = 'Azure CLI token (az account get-access-token)'
    options = ()
    env = ()


class ManagedIdentityAuth(AuthMethod):
    """A managed identity: the App Service identity endpoint, or the instance metadata service (IMDS).

    values: style ('app_service' or 'imds'), endpoint (the token URL), identity_header (App Service),
    client_id (a user-assigned identity, or None for the system-assigned one).
    """

    key = 'msi'
    description = 'managed identity (auth_source=msi)'

    def header(self, values, context):
        return 'Bearer %s' % context.keep_secret(request_managed_identity_token(context.client, values, context.audience))


# The methods a task or the environment can give by options or variables, in the order messages list them.
AUTH_METHODS = (SasKeyAuth(), SasTokenAuth(), AccessTokenAuth(), ClientCredentialsAuth())
CLIENT_CREDENTIALS = AUTH_METHODS[3]
AZURE_CLI = AzureCliAuth()
MANAGED_IDENTITY = ManagedIdentityAuth()
# Every auth option that is a credential (not the authority, the source or the profile).
CREDENTIAL_OPTIONS = tuple(option for method in AUTH_METHODS for option in method.options)


class AuthConfigError(HubError):
    """The auth options are incomplete or ambiguous; raised before any request is made."""


def method_from_task(params, environ):
    """(method, values) of the one method the task names, or None when it names none.

    An option of that method the task leaves out comes from its own environment variable (a key
    kept in the environment, a policy name in the task).
    """
    in_task = [method for method in AUTH_METHODS if method.given_in(params)]
    if len(in_task) > 1:
        raise AuthConfigError('Authentication methods are mutually exclusive, but the task gives %s.'
                              % ' and '.join(method.description for method in in_task))
    if not in_task:
        return None
    method = in_task[0]
    values = dict(method.from_environment(environ), **dict((option, params[option]) for option in method.given_in(params)))
    missing = [option for option in method.options if option not in values]
    if missing:
        raise AuthConfigError('%s needs %s; missing: %s (set in the task or through %s).'
                              % (method.description, ', '.join(method.options), ', '.join(missing),
                                 ', '.join(method.variables_of(missing))))
    return method, checked(method, values)


def method_from_environment(environ, methods=AUTH_METHODS):
    """(method, values) of the one complete method among methods in the environment, or None.

    Also returns what is incomplete there, for messages: [(method, values found)].
    """
    found = [(method, method.from_environment(environ)) for method in methods]
    complete = [(method, values) for method, values in found if len(values) == len(method.options)]
    if len(complete) > 1:
        raise AuthConfigError('Authentication methods are mutually exclusive, but the environment variables give %s.'
                              % ' and '.join(method.description for method, _values in complete))
    partial = [(method, values) for method, values in found if values and len(values) < len(method.options)]
    if not complete:
        return None, partial
    method, values = complete[0]
    return (method, checked(method, values)), partial


def describe_partial(partial):
    return '; '.join('%s lacks %s' % (method.description, ', '.join(method.variables_of(set(method.options) - set(values))))
                     for method, values in partial)


def environment_variables_text(methods=AUTH_METHODS):
    """Every method with all its variables, both spellings: for 'nothing found' messages."""
    return '; '.join('%s: %s' % (method.description, ', '.join(method.variables_of(method.options))) for method in methods)


def checked(method, values):
    """The values, once no credential would break the request (refused naming the option, never quoting it)."""
    problems = [credential_problem(option, values[option], sent_as_is=option in SENT_AS_IS) for option in method.options]
    problems = [problem for problem in problems if problem]
    if problems:
        raise AuthConfigError('%s: %s.' % (method.description, '; '.join(problems)))
    return values


# Values of a credential that are secrets (a source may read them from a variable or a file, where
# the argspec's no_log cannot see them).
SECRET_VALUES = frozenset(('sas_key', 'sas_token', 'access_token', 'client_secret', 'identity_header'))

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
    """Produces the Authorization header; made once per module run so tokens are made once too.

    audience: the resource bearer tokens are asked for (the Hub API's, or the cloud's ARM); authority:
    the Azure AD authority of client-credentials requests.
    """

    def __init__(self, method, values, hub_endpoint, token_lifetime=SAS_TOKEN_LIFETIME, register_secret=None,
                 audience=None, authority=DEFAULT_AUTH_AUTHORITY):
        self.method = method
        self._values = values
        self.hub_endpoint = hub_endpoint
        self.token_lifetime = token_lifetime
        self.audience = audience or HUB_AUDIENCE
        self.authority = authority
        self._register_secret = register_secret or (lambda secret: None)
        self._header = None
        # The client of the run, while a header is being made (the token request goes through it).
        self.client = None

    @property
    def description(self):
        return self.method.description

    @property
    def sends_bearer(self):
        return not self.method.hub_api_only

    def keep_secret(self, secret):
        """Register a secret (and its URL-encoded form) to be scrubbed from everything the module returns."""
        # The module scrubs these strings from everything it returns, also when a hub echoes them.
        for form in (secret, quote_plus(secret)):
            if form:
                self._register_secret(form)
        return secret

    def authorization_header(self, client):
        """The Authorization header value, made on first use; the client serves any token request."""
        if self._header is None:
            self.client = client
            self._header = self.keep_secret(self.method.header(self._values, self))
        return self._header


class AadTokenError(HubError):
    """The Azure AD authority (or a managed identity endpoint) refused to hand out a token."""


def scope_of(audience):
    """The v2.0 scope of a resource: https://management.azure.com/ -> https://management.azure.com/.default."""
    return '%s/.default' % audience.rstrip('/')


def token_of(response):
    """The access_token of a token endpoint's 200 answer, or None."""
    body = response.json if isinstance(response.json, dict) else {}
    token = body.get('access_token')
    return token if response.status == 200 and isinstance(token, str) and token else None


def refusal(response):
    code, message = parse_error_body(response)
    return 'HTTP %s: %s%s' % (response.status, '%s: ' % code if code else '', message or 'no details')


def request_client_credentials_token(client, values, authority, audience):
    """POST the OAuth2 client-credentials grant to <authority>/<tenant>/oauth2/v2.0/token."""
    authority = authority.rstrip('/')
    url = '%s/%s/oauth2/v2.0/token' % (authority, quote_plus(values['tenant_id']))
    form = dict(grant_type='client_credentials', client_id=values['client_id'],
                client_secret=values['client_secret'], scope=scope_of(audience))
    response = client.send('POST', url, form=form, authenticate=False)
    token = token_of(response)
    if token is None:
        raise AadTokenError('The Azure AD authority %s refused a token for %s to client_id %s of tenant %s (%s)'
                            % (authority, audience, values['client_id'], values['tenant_id'], refusal(response)))
    return token


IMDS_HOST = 'http://169.254.169.254'
IMDS_HOST_ENV = 'AZURE_POD_IDENTITY_AUTHORITY_HOST'
IMDS_TOKEN_PATH = '/metadata/identity/oauth2/token'
IMDS_API_VERSION = '2018-02-01'
APP_SERVICE_ENV = ('IDENTITY_ENDPOINT', 'IDENTITY_HEADER')
APP_SERVICE_API_VERSION = '2019-08-01'
# The instance metadata service answers at once on Azure; elsewhere nothing answers at all.
IMDS_CONNECT_TIMEOUT = 2


def managed_identity_values(environ, client_id):
    """Where the managed identity's token comes from: App Service style when both its variables are set, else IMDS."""
    if all(environ.get(var) for var in APP_SERVICE_ENV):
        return dict(style='app_service', endpoint=environ['IDENTITY_ENDPOINT'], identity_header=environ['IDENTITY_HEADER'],
                    client_id=client_id)
    host = (environ.get(IMDS_HOST_ENV) or IMDS_HOST).rstrip('/')
    return dict(style='imds', endpoint=host + IMDS_TOKEN_PATH, identity_header=None, client_id=client_id)


def request_managed_identity_token(client, values, audience):
    """GET a token from the App Service identity endpoint or IMDS (no secret in the URL; the header is one)."""
    query = dict(resource=audience)
    if values['client_id']:
        query['client_id'] = values['client_id']
    if values['style'] == 'app_service':
        query['api-version'] = APP_SERVICE_API_VERSION
        headers = {'X-IDENTITY-HEADER': values['identity_header']}
        timeout = None
        where = 'The App Service identity endpoint %s (IDENTITY_ENDPOINT)' % values['endpoint']
    else:
        query['api-version'] = IMDS_API_VERSION
        headers = {'Metadata': 'true'}
        timeout = IMDS_CONNECT_TIMEOUT
        where = 'The instance metadata service %s' % values['endpoint']
    url = '%s?%s' % (values['endpoint'], urlencode(query))
    try:
        response = client.send('GET', url, authenticate=False, headers=headers, connect_timeout=timeout)
    except HubConnectionError as error:
        raise AadTokenError('%s did not answer, so no managed identity token could be had: %s. auth_source=msi works on '
                            'Azure (a VM, App Service, Functions, a pod with a managed identity); elsewhere choose '
                            'another auth_source.' % (where, error))
    token = token_of(response)
    if token is None:
        identity = 'user-assigned identity client_id %s' % values['client_id'] if values['client_id'] else 'system-assigned identity'
        raise AadTokenError('%s refused a token for %s to the %s (%s)' % (where, audience, identity, refusal(response)))
    return token
