# -*- coding: utf-8 -*-
# Copyright: (c) 2026, customerinsights.hub contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY
# The interfaces in this file are meant for use within the customerinsights.hub collection
# and may not remain stable to outside uses. Changes may be made in ANY release, even a bugfix release.

"""Where credentials come from (auth_source), as azure.azcollection users know it.

One class per source: the task's own options, the environment, the credential file
(~/.azure/credentials), the Azure CLI and a managed identity. Each finds a Credential (an auth
method of _auth.py and its values, plus the subscription and cloud the source knows of), finds
nothing, or fails. auth_source=auto asks the first four in that order and takes the first that
finds a complete credential; a named source is asked alone, and finding nothing is then an error.
No Azure SDK: the file is INI, the CLI a subprocess, the identity endpoints plain HTTP.
"""

from __future__ import annotations

import configparser
import json
import os
import shutil
import subprocess

from ansible_collections.customerinsights.hub.plugins.module_utils._auth import (
    AUTH_METHODS,
    AUTH_SOURCE_ENV,
    AZURE_CLI,
    CLIENT_CREDENTIALS,
    CREDENTIAL_OPTIONS,
    IMDS_HOST,
    IMDS_HOST_ENV,
    MANAGED_IDENTITY,
    AuthConfigError,
    checked,
    describe_partial,
    environment_variables_text,
    managed_identity_values,
    method_from_environment,
    method_from_task,
)

PROFILE_ENV = 'AZURE_PROFILE'
DEFAULT_PROFILE = 'default'
CREDENTIAL_FILE = os.path.join('~', '.azure', 'credentials')
# azure.azcollection's keys of a credential file section -> our options.
FILE_KEYS = (('tenant', 'tenant_id'), ('client_id', 'client_id'), ('secret', 'client_secret'))
AZ_TIMEOUT = 60
AZ_NOT_LOGGED_IN = ('az login', 'az account set')


class Credential:
    """What a source found: the auth method and its values, and what else the source says."""

    def __init__(self, source, method, values, subscription_id=None, cloud_environment=None, may_guess_subscription=True):
        self.source = source
        self.method = method
        self.values = values
        # The subscription the source belongs to (a credential file's, the CLI's), used when the
        # task and AZURE_SUBSCRIPTION_ID give none.
        self.subscription_id = subscription_id
        self.cloud_environment = cloud_environment
        self.may_guess_subscription = may_guess_subscription


class NotFound(Exception):
    """A source has no (complete) credential; the message says what was looked at, for the auto summary."""


class Lookup:
    """What the sources need to know: the task, the environment, and how to find and run az.

    audience: the resource a CLI token is asked for; arm: whether the task addresses ARM (SAS is out).
    """

    def __init__(self, params, environ, audience, arm, run=None, which=None):
        self.params = params
        self.environ = environ
        self.audience = audience
        self.arm = arm
        self.run = run or run_command
        self.which = which or shutil.which


def run_command(argv, environ):
    """Run a command; (exit status, stdout, stderr). No shell; stdin closed, as azure-identity does for az."""
    completed = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env=environ, timeout=AZ_TIMEOUT, check=False)
    return (completed.returncode, completed.stdout.decode('utf-8', 'replace'),
            completed.stderr.decode('utf-8', 'replace'))


class CredentialSource:
    """One place credentials can come from."""

    name = None
    # How messages call it: in the list of what auto looked at, and as where credentials come from.
    title = None
    place = None
    # Task options a task may give along with this source (anything else is refused when it is named).
    task_options = ()

    def find(self, lookup):
        """A Credential, or raise NotFound (nothing complete here) or AuthConfigError (something here is wrong)."""
        raise NotImplementedError


class TaskOptionsSource(CredentialSource):
    """The auth options of the task (module_defaults included); a missing one of its method from its variable."""

    name = 'task'
    title = 'Task'
    place = 'the task'

    def find(self, lookup):
        found = method_from_task(lookup.params, lookup.environ)
        if found is None:
            raise NotFound('the task gives no authentication option')
        method, values = found
        return Credential(self.name, method, values)


class EnvironmentSource(CredentialSource):
    """The one complete method of the environment variables (both spellings of the AZURE_ ones)."""

    name = 'env'
    title = 'Environment'
    place = 'the environment variables'

    def find(self, lookup):
        # With the ARM address a SAS policy exported for some hub is none of this task's business.
        methods = [method for method in AUTH_METHODS if not (lookup.arm and method.hub_api_only)]
        found, partial = method_from_environment(lookup.environ, methods)
        if found is None:
            skipped = [method.description for method in AUTH_METHODS if method not in methods
                       and len(method.from_environment(lookup.environ)) == len(method.options)]
            raise NotFound('no complete set of variables (%s)%s%s'
                           % (environment_variables_text(), '; incomplete: %s' % describe_partial(partial) if partial else '',
                              '; set but not for the ARM address, as SAS belongs to the Hub API only: %s'
                              % ', '.join(skipped) if skipped else ''))
        method, values = found
        return Credential(self.name, method, values)


class CredentialFileSource(CredentialSource):
    """A section of ~/.azure/credentials (azure.azcollection's format) holding a service principal.

    The section is credential_profile, else AZURE_PROFILE, else [default]; its keys tenant,
    client_id, secret, and optionally subscription_id and cloud_environment.
    """

    name = 'credential_file'
    title = 'Credential file'
    place = 'the credential file'
    task_options = ('credential_profile',)

    @staticmethod
    def path(lookup):
        home = lookup.environ.get('HOME')
        return os.path.join(home, '.azure', 'credentials') if home else os.path.expanduser(CREDENTIAL_FILE)

    def find(self, lookup):
        profile = lookup.params.get('credential_profile') or lookup.environ.get(PROFILE_ENV) or DEFAULT_PROFILE
        path = self.path(lookup)
        where = 'profile [%s] of %s' % (profile, path)
        parser = configparser.ConfigParser(interpolation=None)
        try:
            with open(path) as handle:
                parser.read_file(handle)
        except OSError as exc:
            raise NotFound('%s cannot be read (%s)' % (path, exc.strerror or exc))
        except configparser.Error as exc:
            raise AuthConfigError('The credential file %s is not an INI file: %s' % (path, str(exc).splitlines()[0]))
        if not parser.has_section(profile):
            raise NotFound('%s has no section [%s] (sections: %s)' % (path, profile, ', '.join(parser.sections()) or 'none'))
        section = parser[profile]
        missing = [key for key, _option in FILE_KEYS if not section.get(key)]
        if missing:
            raise NotFound('%s lacks %s (a service principal needs tenant, client_id and secret)' % (where, ', '.join(missing)))
        values = checked(CLIENT_CREDENTIALS, dict((option, section[key]) for key, option in FILE_KEYS))
        return Credential(self.name, CLIENT_CREDENTIALS, values, subscription_id=section.get('subscription_id') or None,
                          cloud_environment=section.get('cloud_environment') or None)


class AzureCliSource(CredentialSource):
    """The account `az login` signed in: `az account get-access-token --resource <audience>`."""

    name = 'cli'
    title = 'Azure CLI'
    place = 'the Azure CLI'

    def find(self, lookup):
        path = lookup.environ.get('PATH', os.defpath)
        az = lookup.which('az', path=path)
        if not az:
            raise NotFound('az was not found on PATH (%s)' % path)
        argv = [az, 'account', 'get-access-token', '--output', 'json', '--resource', lookup.audience]
        # No colours in what we parse; the environment of the task otherwise (AZURE_CONFIG_DIR, proxies).
        environ = dict(lookup.environ, AZURE_CORE_NO_COLOR='true')
        try:
            status, out, err = lookup.run(argv, environ)
        except (OSError, subprocess.SubprocessError) as exc:
            raise NotFound('%s could not be run: %s' % (az, exc))
        if status != 0:
            if any(hint in err for hint in AZ_NOT_LOGGED_IN):
                raise NotFound('%s is not logged in: run az login (or az account set) first' % az)
            raise NotFound('%s account get-access-token failed (exit %d): %s' % (az, status, last_line(err)))
        try:
            answer = json.loads(out)
        except ValueError:
            answer = None
        token = answer.get('accessToken') if isinstance(answer, dict) else None
        if not isinstance(token, str) or not token:
            raise AuthConfigError('%s account get-access-token printed no accessToken in JSON' % az)
        return Credential(self.name, AZURE_CLI, dict(access_token=token), subscription_id=answer.get('subscription') or None)


class ManagedIdentitySource(CredentialSource):
    """The managed identity of the machine: App Service style (IDENTITY_ENDPOINT, IDENTITY_HEADER), else IMDS.

    client_id (the task's, else AZURE_CLIENT_ID) picks a user-assigned identity. The token is asked
    for at the first request, through the client (so it is retried and counted like any request).
    """

    name = 'msi'
    title = 'Managed identity'
    place = 'the managed identity'
    task_options = ('client_id',)

    def find(self, lookup):
        client_id = lookup.params.get('client_id') or lookup.environ.get('AZURE_CLIENT_ID')
        values = managed_identity_values(lookup.environ, client_id)
        # A managed identity may reach many subscriptions: which one is for the task to say.
        return Credential(self.name, MANAGED_IDENTITY, values, may_guess_subscription=False)


def last_line(text):
    lines = [line.strip() for line in (text or '').splitlines() if line.strip()]
    return lines[-1][:300] if lines else 'no message'


SOURCES = dict((source.name, source) for source in (
    TaskOptionsSource(), EnvironmentSource(), CredentialFileSource(), AzureCliSource(), ManagedIdentitySource()))
# auth_source=auto: the first source with a complete credential wins (azure.azcollection's order).
AUTO_ORDER = ('task', 'env', 'credential_file', 'cli')


def find_credential(lookup):
    """The Credential of the task's auth_source (default auto, or ANSIBLE_AZURE_AUTH_SOURCE)."""
    source = named_source(lookup.params)
    if source is not None:
        return find_named(source, lookup)
    looked_at = []
    for name in AUTO_ORDER:
        try:
            return SOURCES[name].find(lookup)
        except NotFound as nothing:
            looked_at.append('%s: %s' % (SOURCES[name].title, nothing))
    raise AuthConfigError(
        'No authentication method given, and no credentials found: auth_source=auto looks at the task, then the '
        'environment, then the credential file, then the Azure CLI, and takes the first complete one. %s. Give '
        'sas_policy_name/sas_key (Hub API only), sas_token (Hub API only), access_token, or tenant_id/client_id/client_secret '
        'in the task; or set the variables of one method; or '
        'write a [%s] section to %s; or run az login; or choose auth_source=msi (or %s=msi) for a managed identity '
        '(IDENTITY_ENDPOINT and IDENTITY_HEADER on App Service, else IMDS at %s or %s; AZURE_CLIENT_ID for a '
        'user-assigned identity).'
        % ('. '.join(looked_at), lookup.environ.get(PROFILE_ENV) or DEFAULT_PROFILE, CredentialFileSource.path(lookup),
           AUTH_SOURCE_ENV, IMDS_HOST, IMDS_HOST_ENV))


def credential_problems(params, arm):
    """What is wrong with the task's auth options whatever the environment holds: checked before anything is looked up."""
    problems = ['%s belongs to the Hub API only (Azure Resource Manager takes bearer tokens): with the ARM address use '
                'access_token, client credentials or an auth_source' % method.description
                for method in AUTH_METHODS if arm and method.hub_api_only and method.given_in(params)]
    source = named_source(params)
    stray = [option for option in CREDENTIAL_OPTIONS + ('credential_profile',)
             if source is not None and params.get(option) is not None and option not in source.task_options]
    if stray:
        problems.append('%s takes its credentials from %s, but the task also gives %s: leave them out, or use auth_source=auto'
                        % (asked_for(source, params), source.place, ', '.join(stray)))
    return problems


def named_source(params):
    """The one source the task asks for (auth_source, or credential_profile under auto), or None for the auto order."""
    name = params.get('auth_source') or 'auto'
    if name == 'auto' and params.get('credential_profile'):
        # Naming a profile is naming the credential file, as azure.azcollection's profile option does.
        name = 'credential_file'
    return None if name == 'auto' else SOURCES[name]


def find_named(source, lookup):
    """Ask the one source the task names; finding nothing there is an error naming what was looked at."""
    try:
        return source.find(lookup)
    except NotFound as nothing:
        raise AuthConfigError('%s found no credentials. %s: %s.'
                              % (asked_for(source, lookup.params), source.title, nothing))


def asked_for(source, params):
    """How the task chose the source, for messages: auth_source=cli, or credential_profile=name."""
    if params.get('auth_source') in (None, 'auto'):
        return 'credential_profile=%s' % params['credential_profile']
    return 'auth_source=%s' % source.name
