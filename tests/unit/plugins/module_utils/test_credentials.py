# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Credential sources: task, environment (both spellings), credential file, Azure CLI, managed identity, auto order."""

from __future__ import annotations

import json
import os
import stat

from urllib.parse import parse_qs, urlsplit

import pytest
import responses

from ansible_collections.customerinsights.hub.plugins.module_utils._addressing import HUB_AUDIENCE
from ansible_collections.customerinsights.hub.plugins.module_utils._auth import AadTokenError, AuthConfigError, Authenticator
from ansible_collections.customerinsights.hub.plugins.module_utils._client import HubClient
from ansible_collections.customerinsights.hub.plugins.module_utils._credentials import (
    Lookup,
    credential_problems,
    find_credential,
)

ARM_AUDIENCE = 'https://management.azure.com/'
SUB = '11111111-2222-3333-4444-555555555555'
NO_AZ = dict(which=lambda name, path=None: None)


def params(**given):
    base = dict(sas_policy_name=None, sas_key=None, sas_token=None, access_token=None, tenant_id=None, client_id=None,
                client_secret=None, auth_authority=None, auth_source=None, credential_profile=None)
    base.update(given)
    return base


@pytest.fixture
def home(tmp_path):
    """A home directory without credential file; write_credentials() gives it one."""
    return tmp_path


def write_credentials(home, text):
    (home / '.azure').mkdir(exist_ok=True)
    (home / '.azure' / 'credentials').write_text(text)


SERVICE_PRINCIPALS = """
[default]
subscription_id = %s
client_id = file-client
secret = file-secret
tenant = file-tenant

[china]
client_id = china-client
secret = china-secret
tenant = china-tenant
cloud_environment = AzureChinaCloud

[half]
client_id = half-client
""" % SUB


def find(given=None, environ=None, home=None, audience=HUB_AUDIENCE, arm=False, **lookup):
    environ = dict(environ or {}, HOME=str(home) if home else '/nonexistent')
    options = dict(NO_AZ, **lookup)
    return find_credential(Lookup(params(**(given or {})), environ, audience, arm, **options))


# ---- environment: both spellings ----------------------------------------------------------------

@pytest.mark.parametrize('environ', [
    {'AZURE_TENANT_ID': 't', 'AZURE_CLIENT_ID': 'c', 'AZURE_CLIENT_SECRET': 's'},
    {'AZURE_TENANT': 't', 'AZURE_CLIENT_ID': 'c', 'AZURE_SECRET': 's'},
    {'AZURE_TENANT_ID': 't', 'AZURE_CLIENT_ID': 'c', 'AZURE_SECRET': 's'},
])
def test_client_credentials_from_either_spelling_of_the_variables(environ):
    credential = find(environ=environ)
    assert (credential.source, credential.method.key) == ('env', 'client_credentials')
    assert credential.values == {'tenant_id': 't', 'client_id': 'c', 'client_secret': 's'}


def test_the_azure_identity_spelling_wins_when_both_are_set():
    credential = find(environ={'AZURE_TENANT_ID': 't1', 'AZURE_TENANT': 't2', 'AZURE_CLIENT_ID': 'c',
                               'AZURE_CLIENT_SECRET': 's1', 'AZURE_SECRET': 's2'})
    assert credential.values == {'tenant_id': 't1', 'client_id': 'c', 'client_secret': 's1'}


def test_a_task_method_takes_a_missing_option_from_the_other_spelling():
    credential = find(dict(tenant_id='t', client_id='c'), environ={'AZURE_SECRET': 's'})
    assert credential.source == 'task' and credential.values['client_secret'] == 's'


def test_auth_source_env_uses_the_environment_only():
    credential = find(dict(auth_source='env'), environ={'CUSTOMER_INSIGHTS_ACCESS_TOKEN': 'tok'})
    assert (credential.source, credential.values) == ('env', {'access_token': 'tok'})


def test_auth_source_env_with_nothing_there_names_every_variable():
    with pytest.raises(AuthConfigError) as raised:
        find(dict(auth_source='env'), environ={'AZURE_TENANT': 't'})
    message = str(raised.value)
    assert message.startswith('auth_source=env found no credentials. Environment: no complete set of variables')
    assert 'AZURE_TENANT_ID (or AZURE_TENANT), AZURE_CLIENT_ID, AZURE_CLIENT_SECRET (or AZURE_SECRET)' in message
    assert 'incomplete: Azure AD client credentials (tenant_id/client_id/client_secret) lacks AZURE_CLIENT_ID' in message


def test_with_the_arm_address_sas_variables_are_passed_over_and_said_so():
    environ = {'CUSTOMER_INSIGHTS_SAS_POLICY_NAME': 'p', 'CUSTOMER_INSIGHTS_SAS_KEY': 'k'}
    with pytest.raises(AuthConfigError, match='set but not for the ARM address, as SAS belongs to the Hub API only: SAS policy key'):
        find(dict(auth_source='env'), environ=environ, audience=ARM_AUDIENCE, arm=True)
    credential = find(environ=dict(environ, CUSTOMER_INSIGHTS_ACCESS_TOKEN='tok'), audience=ARM_AUDIENCE, arm=True)
    assert credential.method.key == 'access_token'


# ---- credential file -------------------------------------------------------------------------

def test_credential_file_default_profile_with_its_subscription(home):
    write_credentials(home, SERVICE_PRINCIPALS)
    credential = find(dict(auth_source='credential_file'), home=home)
    assert (credential.source, credential.method.key) == ('credential_file', 'client_credentials')
    assert credential.values == {'tenant_id': 'file-tenant', 'client_id': 'file-client', 'client_secret': 'file-secret'}
    assert credential.subscription_id == SUB and credential.cloud_environment is None


@pytest.mark.parametrize('given, environ', [
    (dict(auth_source='credential_file', credential_profile='china'), {}),
    (dict(auth_source='credential_file'), {'AZURE_PROFILE': 'china'}),
    # Under auto, naming a profile names the credential file.
    (dict(credential_profile='china'), {'AZURE_CLIENT_ID': 'c', 'AZURE_TENANT_ID': 't', 'AZURE_CLIENT_SECRET': 's'}),
])
def test_credential_file_profile_from_the_option_or_azure_profile(home, given, environ):
    write_credentials(home, SERVICE_PRINCIPALS)
    credential = find(given, environ=environ, home=home)
    assert credential.values['client_id'] == 'china-client'
    assert credential.cloud_environment == 'AzureChinaCloud' and credential.subscription_id is None


@pytest.mark.parametrize('profile, text, says', [
    ('default', None, 'credentials cannot be read (No such file or directory)'),
    ('other', SERVICE_PRINCIPALS, 'has no section [other] (sections: default, china, half)'),
    ('half', SERVICE_PRINCIPALS, 'profile [half] of %s lacks tenant, secret'),
])
def test_credential_file_failures_say_where_they_looked(home, profile, text, says):
    if text:
        write_credentials(home, text)
    with pytest.raises(AuthConfigError) as raised:
        find(dict(auth_source='credential_file', credential_profile=profile), home=home)
    path = os.path.join(str(home), '.azure', 'credentials')
    assert str(raised.value).startswith('auth_source=credential_file found no credentials. Credential file: ')
    assert (says % path if '%s' in says else says) in str(raised.value)
    assert path in str(raised.value)


def test_a_credential_file_that_is_no_ini_file_is_named(home):
    write_credentials(home, 'client_id = no section\n')
    with pytest.raises(AuthConfigError, match='The credential file .*credentials is not an INI file'):
        find(dict(auth_source='credential_file'), home=home)


# ---- Azure CLI through a stub az ---------------------------------------------------------------

@pytest.fixture
def stub_az(tmp_path):
    """An executable `az` on a PATH of its own that logs its arguments and prints what the test says."""
    bin_dir = tmp_path / 'bin'
    bin_dir.mkdir()
    log = tmp_path / 'az.log'

    def install(stdout='', stderr='', status=0):
        script = bin_dir / 'az'
        script.write_text('#!/bin/sh\necho "$@" >> %s\nprintf %%s %s\nprintf %%s %s >&2\nexit %d\n'
                          % (log, _shell_quote(stdout), _shell_quote(stderr), status))
        script.chmod(script.stat().st_mode | stat.S_IXUSR)
        return dict(PATH=str(bin_dir))

    install.log = log
    return install


def _shell_quote(text):
    return "'%s'" % text.replace("'", "'\\''")


def cli_answer(token='cli-token', subscription=SUB):
    return json.dumps(dict(accessToken=token, expiresOn='2030-01-01 00:00:00.000000', expires_on=1893456000,
                           subscription=subscription, tenant='cli-tenant', tokenType='Bearer'))


@pytest.mark.parametrize('audience, arm', [(HUB_AUDIENCE, False), (ARM_AUDIENCE, True)])
def test_cli_asks_for_the_audience_of_the_address_and_brings_its_subscription(stub_az, audience, arm):
    environ = stub_az(stdout=cli_answer())
    credential = find(dict(auth_source='cli'), environ=environ, audience=audience, arm=arm, which=None)
    assert (credential.source, credential.method.key, credential.values) == ('cli', 'cli', {'access_token': 'cli-token'})
    assert credential.subscription_id == SUB
    assert stub_az.log.read_text().split() == ['account', 'get-access-token', '--output', 'json', '--resource', audience]


def test_cli_not_logged_in_says_to_run_az_login(stub_az):
    environ = stub_az(stderr="ERROR: Please run 'az login' to setup account.", status=1)
    with pytest.raises(AuthConfigError, match=r'auth_source=cli found no credentials. Azure CLI: .*/az is not logged in: run az login'):
        find(dict(auth_source='cli'), environ=environ, which=None)


def test_cli_failure_gives_its_last_line(stub_az):
    environ = stub_az(stderr='WARNING: something\nERROR: AADSTS50173: the grant expired', status=1)
    with pytest.raises(AuthConfigError, match=r'get-access-token failed \(exit 1\): ERROR: AADSTS50173: the grant expired'):
        find(dict(auth_source='cli'), environ=environ, which=None)


def test_cli_output_without_a_token_is_refused(stub_az):
    environ = stub_az(stdout='{"expiresOn": "x"}')
    with pytest.raises(AuthConfigError, match='printed no accessToken in JSON'):
        find(dict(auth_source='cli'), environ=environ, which=None)


def test_cli_missing_names_the_path_searched(tmp_path):
    with pytest.raises(AuthConfigError, match=r'Azure CLI: az was not found on PATH \(%s\)' % tmp_path):
        find(dict(auth_source='cli'), environ=dict(PATH=str(tmp_path)), which=None)


# ---- managed identity ----------------------------------------------------------------------------

def msi_header(credential, audience=ARM_AUDIENCE):
    secrets = set()
    auth = Authenticator(credential.method, credential.values, 'https://management.azure.com', audience=audience,
                         register_secret=secrets.add)
    client = HubClient('https://management.azure.com', auth, '2017-04-26', retries=0)
    return auth.authorization_header(client), secrets


@responses.activate
@pytest.mark.parametrize('client_id, environ', [
    (None, {}),
    ('uami-client', {}),
    (None, {'AZURE_CLIENT_ID': 'uami-client'}),
])
def test_msi_imds_style(client_id, environ):
    responses.get('http://169.254.169.254/metadata/identity/oauth2/token', json=dict(access_token='imds-token', expires_in='3599'))
    credential = find(dict(auth_source='msi', client_id=client_id), environ=environ, audience=ARM_AUDIENCE, arm=True)
    assert (credential.source, credential.may_guess_subscription) == ('msi', False)
    header, secrets = msi_header(credential)
    assert header == 'Bearer imds-token' and 'imds-token' in secrets
    request = responses.calls[0].request
    query = parse_qs(urlsplit(request.url).query)
    assert request.headers['Metadata'] == 'true'
    assert query['api-version'] == ['2018-02-01'] and query['resource'] == [ARM_AUDIENCE]
    assert query.get('client_id') == (['uami-client'] if client_id or environ else None)


@responses.activate
def test_msi_imds_host_can_be_overridden():
    responses.get('http://127.0.0.1:9/metadata/identity/oauth2/token', json=dict(access_token='pod-token'))
    credential = find(dict(auth_source='msi'), environ={'AZURE_POD_IDENTITY_AUTHORITY_HOST': 'http://127.0.0.1:9/'})
    assert msi_header(credential, audience=HUB_AUDIENCE)[0] == 'Bearer pod-token'
    assert parse_qs(urlsplit(responses.calls[0].request.url).query)['resource'] == [HUB_AUDIENCE]


@responses.activate
def test_msi_app_service_style_sends_the_identity_header_and_keeps_it_secret():
    responses.get('http://127.0.0.1:8081/msi/token', json=dict(access_token='app-token', expires_on='1893456000'))
    environ = {'IDENTITY_ENDPOINT': 'http://127.0.0.1:8081/msi/token', 'IDENTITY_HEADER': 'identity-header-secret'}
    credential = find(dict(auth_source='msi'), environ=environ, audience=ARM_AUDIENCE, arm=True)
    header, _secrets = msi_header(credential)
    request = responses.calls[0].request
    assert header == 'Bearer app-token'
    assert request.headers['X-IDENTITY-HEADER'] == 'identity-header-secret'
    assert parse_qs(urlsplit(request.url).query)['api-version'] == ['2019-08-01']
    assert 'identity-header-secret' not in request.url


@responses.activate
def test_msi_refusal_names_the_endpoint_and_the_identity():
    responses.get('http://169.254.169.254/metadata/identity/oauth2/token', status=400,
                  json=dict(error='invalid_request', error_description='Identity not found'))
    credential = find(dict(auth_source='msi', client_id='nobody'))
    with pytest.raises(AadTokenError, match=r'The instance metadata service http://169.254.169.254/metadata/identity/oauth2/token '
                                            r'refused a token for https://management.azure.com/ to the user-assigned identity '
                                            r'client_id nobody \(HTTP 400: invalid_request: Identity not found\)'):
        msi_header(credential)


@responses.activate
def test_msi_off_azure_says_so():
    import requests
    responses.get('http://169.254.169.254/metadata/identity/oauth2/token', body=requests.exceptions.ConnectTimeout('timed out'))
    credential = find(dict(auth_source='msi'))
    with pytest.raises(AadTokenError, match='did not answer, so no managed identity token could be had: .*auth_source=msi works on Azure'):
        msi_header(credential)


# ---- auto order ---------------------------------------------------------------------------------

ENV_CREDENTIALS = {'AZURE_TENANT_ID': 'env-tenant', 'AZURE_CLIENT_ID': 'env-client', 'AZURE_CLIENT_SECRET': 'env-secret'}


def test_auto_takes_the_task_first(home, stub_az):
    write_credentials(home, SERVICE_PRINCIPALS)
    environ = dict(ENV_CREDENTIALS, **stub_az(stdout=cli_answer()))
    assert find(dict(access_token='task-token'), environ=environ, home=home, which=None).source == 'task'


def test_auto_takes_the_environment_before_the_file_and_the_cli(home, stub_az):
    write_credentials(home, SERVICE_PRINCIPALS)
    environ = dict(ENV_CREDENTIALS, **stub_az(stdout=cli_answer()))
    credential = find(environ=environ, home=home, which=None)
    assert credential.source == 'env' and credential.values['client_id'] == 'env-client'


def test_auto_takes_the_default_profile_before_the_cli(home, stub_az):
    write_credentials(home, SERVICE_PRINCIPALS)
    credential = find(environ=stub_az(stdout=cli_answer()), home=home, which=None)
    assert credential.source == 'credential_file' and credential.values['client_id'] == 'file-client'
    assert not stub_az.log.exists()


def test_auto_takes_the_cli_last(home, stub_az):
    credential = find(environ=stub_az(stdout=cli_answer()), home=home, which=None)
    assert credential.source == 'cli'


def test_auto_passes_over_an_incomplete_profile(home, stub_az):
    write_credentials(home, SERVICE_PRINCIPALS)
    credential = find(environ=dict(stub_az(stdout=cli_answer()), AZURE_PROFILE='half'), home=home, which=None)
    assert credential.source == 'cli'


def test_auto_finding_nothing_names_every_variable_and_where_it_looked(home, tmp_path):
    with pytest.raises(AuthConfigError) as raised:
        find(environ=dict(PATH=str(tmp_path)), home=home, which=None)
    message = str(raised.value)
    assert message.startswith('No authentication method given, and no credentials found: auth_source=auto looks at the task, '
                              'then the environment, then the credential file, then the Azure CLI')
    for variable in ('CUSTOMER_INSIGHTS_SAS_POLICY_NAME', 'CUSTOMER_INSIGHTS_SAS_KEY', 'CUSTOMER_INSIGHTS_SAS_TOKEN',
                     'CUSTOMER_INSIGHTS_ACCESS_TOKEN', 'AZURE_TENANT_ID (or AZURE_TENANT)', 'AZURE_CLIENT_ID',
                     'AZURE_CLIENT_SECRET (or AZURE_SECRET)', 'IDENTITY_ENDPOINT', 'IDENTITY_HEADER',
                     'AZURE_POD_IDENTITY_AUTHORITY_HOST', 'ANSIBLE_AZURE_AUTH_SOURCE'):
        assert variable in message
    path = os.path.join(str(home), '.azure', 'credentials')
    assert 'Credential file: %s cannot be read (No such file or directory)' % path in message
    assert 'Azure CLI: az was not found on PATH (%s)' % tmp_path in message
    assert 'write a [default] section to %s' % path in message


def test_auto_stops_at_a_source_that_is_wrong_rather_than_incomplete():
    with pytest.raises(AuthConfigError, match='mutually exclusive, but the environment variables give'):
        find(environ={'CUSTOMER_INSIGHTS_SAS_TOKEN': 'a', 'CUSTOMER_INSIGHTS_ACCESS_TOKEN': 'b'})


# ---- problems found before anything is looked up --------------------------------------------------

@pytest.mark.parametrize('given, arm, problem', [
    (dict(sas_policy_name='p', sas_key='k'), True,
     'SAS policy key (sas_policy_name/sas_key) belongs to the Hub API only (Azure Resource Manager takes bearer tokens)'),
    (dict(sas_token='t'), True, 'SAS token (sas_token) belongs to the Hub API only'),
    (dict(auth_source='cli', access_token='t'), False,
     'auth_source=cli takes its credentials from the Azure CLI, but the task also gives access_token: leave them out'),
    (dict(auth_source='msi', client_id='c', client_secret='s'), False, 'but the task also gives client_secret'),
    (dict(auth_source='env', credential_profile='x'), False, 'but the task also gives credential_profile'),
    (dict(credential_profile='x', access_token='t'), False,
     'credential_profile=x takes its credentials from the credential file, but the task also gives access_token'),
])
def test_credential_problems_before_any_lookup(given, arm, problem):
    assert problem in '; '.join(credential_problems(params(**given), arm))


@pytest.mark.parametrize('given, arm', [
    (dict(sas_token='t'), False),
    (dict(auth_source='msi', client_id='c'), True),
    (dict(auth_source='credential_file', credential_profile='x'), True),
    (dict(access_token='t'), True),
])
def test_credential_options_that_fit(given, arm):
    assert credential_problems(params(**given), arm) == []
