# -*- coding: utf-8 -*-
# Copyright: (c) 2026, customerinsights.hub contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY
# The interfaces in this file are meant for use within the customerinsights.hub collection
# and may not remain stable to outside uses. Changes may be made in ANY release, even a bugfix release.

"""The AnsibleModule of this collection: shared connection/auth options, input checks, the hub client."""

from __future__ import annotations

import time

from urllib.parse import urlsplit

from ansible.module_utils.basic import AnsibleModule, env_fallback, missing_required_lib

from ansible_collections.customerinsights.hub.plugins.module_utils._auth import (
    AUTH_ARGSPEC,
    SAS_TOKEN_LIFETIME,
    Authenticator,
    resolve_auth_params,
)
from ansible_collections.customerinsights.hub.plugins.module_utils._client import (
    HAS_REQUESTS,
    REQUESTS_IMPORT_ERROR,
    HubApiError,
    HubClient,
    HubError,
)

DEFAULT_API_VERSION = '2017-04-26'

CONNECTION_ARGSPEC = dict(
    hub_endpoint=dict(type='str', required=True, fallback=(env_fallback, ['CUSTOMER_INSIGHTS_HUB_ENDPOINT'])),
    api_version=dict(type='str', default=DEFAULT_API_VERSION),
    validate_certs=dict(type='bool', default=True),
    ca_path=dict(type='path'),
    timeout=dict(type='int', default=30),
    retries=dict(type='int', default=5),
)


def generate_argspec(**module_options):
    """The connection and auth options every module of the collection shares, plus its own."""
    argspec = dict(CONNECTION_ARGSPEC)
    argspec.update(AUTH_ARGSPEC)
    argspec.update(module_options)
    return argspec


def endpoint_problem(endpoint):
    parts = urlsplit(endpoint)
    if parts.scheme not in ('http', 'https') or not parts.hostname:
        return 'hub_endpoint must be an http(s) URL such as https://myhub.api.azurecustomerinsights.com; got %r' % endpoint
    if parts.query or parts.fragment:
        return 'hub_endpoint must be the base URL of the hub, without query or fragment; got %r' % endpoint
    return None


class HubModule(AnsibleModule):
    """AnsibleModule with the shared options, the checks made before any request, and the client."""

    def __init__(self, argument_spec, **kwargs):
        super().__init__(argument_spec=generate_argspec(**argument_spec), supports_check_mode=True, **kwargs)
        self.started = time.monotonic()

    def check_input(self, problems):
        """Fail with every problem found in the task's options; called before any request."""
        problems = list(problems)
        params = self.params
        problems.append(endpoint_problem(params['hub_endpoint']))
        for option in ('timeout', 'wait_timeout'):
            if option in params and params[option] is not None and params[option] <= 0:
                problems.append('%s must be a positive number of seconds; got %d' % (option, params[option]))
        if params['retries'] < 0:
            problems.append('retries must be 0 or more; got %d' % params['retries'])
        problems = [problem for problem in problems if problem]
        if problems:
            self.fail_json(msg='Invalid options: %s.' % '; '.join(problems))

    def deadline(self):
        """The moment the task's wait_timeout runs out, counted from the start of the module."""
        return self.started + self.params['wait_timeout'] if self.params.get('wait_timeout') else None

    def client(self):
        """The hub client, with exactly one auth method resolved (task options first, then environment)."""
        if not HAS_REQUESTS:
            self.fail_json(msg=missing_required_lib('requests'), exception=REQUESTS_IMPORT_ERROR)
        try:
            method, values = resolve_auth_params(self.params)
        except HubError as exc:
            self.fail_json(msg=str(exc))
        # Values taken from the environment bypass the argspec's no_log handling.
        self.no_log_values.update(values[option] for option in values if AUTH_ARGSPEC[option].get('no_log') and values[option])
        endpoint = self.params['hub_endpoint'].rstrip('/')
        # One token for the whole run: it must outlive the longest wait.
        lifetime = SAS_TOKEN_LIFETIME + (self.params.get('wait_timeout') or 0)
        authenticator = Authenticator(method, values, endpoint, token_lifetime=lifetime, register_secret=self.no_log_values.add)
        return HubClient(endpoint, authenticator, self.params['api_version'], timeout=self.params['timeout'],
                         validate_certs=self.params['validate_certs'], ca_path=self.params['ca_path'],
                         retries=self.params['retries'], deadline=self.deadline())

    def fail_from(self, error, **result):
        """Report a HubError: its message names what failed, and a hub's answer comes with its status and body.

        fail_json scrubs every registered secret, also from a body in which a hub echoed our headers.
        """
        if isinstance(error, HubApiError):
            result.update(status=error.status, response=error.body)
        self.fail_json(msg=str(error), **result)
