# -*- coding: utf-8 -*-
# Copyright: (c) 2026, customerinsights.hub contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY
# The interfaces in this file are meant for use within the customerinsights.hub collection
# and may not remain stable to outside uses. Changes may be made in ANY release, even a bugfix release.

"""The AnsibleModule of this collection: shared connection/auth options, input checks, the hub client."""

from __future__ import annotations

import os
import time

from collections import Counter
from ansible.module_utils.basic import AnsibleModule, missing_required_lib

from ansible_collections.customerinsights.hub.plugins.module_utils._addressing import (
    CLOUDS,
    AddressError,
    addressing_problems,
    build_address,
    token_audience,
    uses_arm,
)
from ansible_collections.customerinsights.hub.plugins.module_utils._auth import (
    AUTH_ARGSPEC,
    SAS_TOKEN_LIFETIME,
    SECRET_VALUES,
    Authenticator,
)
from ansible_collections.customerinsights.hub.plugins.module_utils._credentials import (
    Lookup,
    credential_problems,
    find_credential,
)
from ansible_collections.customerinsights.hub.plugins.module_utils._client import (
    HAS_REQUESTS,
    REQUESTS_IMPORT_ERROR,
    HubApiError,
    HubClient,
    HubError,
)

DEFAULT_API_VERSION = '2017-04-26'

# Verbosity from which results carry a trace of every request.
TRACE_VERBOSITY = 3

CONNECTION_ARGSPEC = dict(
    # The address, one of two (_addressing.py). hub_endpoint, subscription_id and cloud_environment
    # have environment variables, read in _addressing rather than by the argspec: a variable must
    # not count as the task naming an address, and credential sources may supply the others.
    hub_endpoint=dict(type='str'),
    subscription_id=dict(type='str'),
    resource_group=dict(type='str'),
    hub_name=dict(type='str'),
    cloud_environment=dict(type='str', choices=list(CLOUDS)),
    management_endpoint=dict(type='str'),
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


def ca_path_problem(path):
    """Why ca_path cannot be used as the CA bundle, or None; requests would only fail on the first request."""
    if path is None:
        return None
    if os.path.isdir(path):
        return None if os.access(path, os.R_OK | os.X_OK) else 'ca_path %s is a directory that cannot be read' % path
    try:
        with open(path, 'rb') as handle:
            pem = handle.read()
    except OSError as exc:
        return 'ca_path %s cannot be read: %s' % (path, exc.strerror or exc)
    if b'-----BEGIN CERTIFICATE-----' not in pem:
        return 'ca_path %s holds no PEM certificate (no -----BEGIN CERTIFICATE----- line)' % path
    return None


class HubModule(AnsibleModule):
    """AnsibleModule with the shared options, the checks made before any request, and the client."""

    def __init__(self, argument_spec, **kwargs):
        self.started = time.monotonic()
        self.hub_client = None
        # The credential source that supplied the credentials (auth_source_used), once looked up.
        self.auth_source_used = None
        super().__init__(argument_spec=generate_argspec(**argument_spec), supports_check_mode=True, **kwargs)

    def check_input(self, problems):
        """Fail with every problem found in the task's options; called before any request."""
        problems = list(problems)
        params = self.params
        problems.extend(addressing_problems(params, os.environ))
        problems.extend(credential_problems(params, uses_arm(params)))
        problems.append(ca_path_problem(params['ca_path']))
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
        """The hub client: credentials from the task's auth_source, the address they complete, the token audience."""
        if not HAS_REQUESTS:
            self.fail_json(msg=missing_required_lib('requests'), exception=REQUESTS_IMPORT_ERROR)
        params = self.params
        credential, address, cloud = self._credential_and_address()
        # One token for the whole run: it must outlive the longest wait.
        lifetime = SAS_TOKEN_LIFETIME + (params.get('wait_timeout') or 0)
        authenticator = Authenticator(credential.method, credential.values, address.base_url, token_lifetime=lifetime,
                                      register_secret=self.no_log_values.add, audience=address.audience,
                                      authority=params.get('auth_authority') or cloud.authority)
        self.hub_client = HubClient(address.base_url, authenticator, params['api_version'], timeout=params['timeout'],
                                    validate_certs=params['validate_certs'], ca_path=params['ca_path'],
                                    retries=params['retries'], deadline=self.deadline(),
                                    wait_timeout=params.get('wait_timeout'), address=address)
        return self.hub_client

    def _credential_and_address(self):
        """Look the credentials up (auth_source), then complete the address with what their source knows."""
        params, environ = self.params, os.environ
        arm = uses_arm(params)
        try:
            credential = find_credential(Lookup(params, environ, token_audience(params, environ), arm))
            self.auth_source_used = credential.source
            # Whatever a source read (a secret from a variable or a file, a CLI token) bypassed the
            # argspec's no_log handling.
            self.no_log_values.update(value for option, value in credential.values.items()
                                      if value and option in SECRET_VALUES)
            address, cloud = build_address(params, environ, credential.subscription_id, credential.cloud_environment,
                                           credential.may_guess_subscription)
        except (HubError, AddressError) as exc:
            self.fail_json(msg=str(exc))
        return credential, address, cloud

    def activity(self):
        """What the run did, returned by every module on success and failure alike.

        Also warns when transient failures were retried: a slow task should say why.
        """
        client = self.hub_client
        activity = dict(
            auth_source_used=self.auth_source_used,
            request_count=client.request_count if client else 0,
            retry_count=client.retry_count if client else 0,
            poll_count=client.poll_count if client else 0,
            elapsed_seconds=round(time.monotonic() - self.started, 3),
        )
        if client and client.retry_count:
            reasons = Counter(client.retry_reasons)
            self.warn('%d transient failure(s) were retried: %s.'
                      % (client.retry_count, ', '.join('%d x %s' % (count, reason) for reason, count in reasons.items())))
        if client and self._verbosity >= TRACE_VERBOSITY:
            activity['request_trace'] = list(client.trace)
        return activity

    def exit_json(self, **kwargs):
        kwargs.update(self.activity())
        super().exit_json(**kwargs)

    def fail_json(self, msg, **kwargs):
        # Also reached from AnsibleModule.__init__ (argspec errors), before the client exists.
        kwargs.update(self.activity())
        super().fail_json(msg, **kwargs)

    def fail_from(self, error, **result):
        """Report a HubError: its message names what failed, and a hub's answer comes with its status and body.

        fail_json scrubs every registered secret, also from a body in which a hub echoed our headers.
        """
        if isinstance(error, HubApiError):
            result.update(status=error.status, response=error.body)
        # A write the hub accepted changed the hub, even when waiting for its end failed.
        result.setdefault('changed', error.write_accepted)
        self.fail_json(msg=str(error), **result)
