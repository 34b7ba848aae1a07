# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

import pytest

from ansible_collections.customerinsights.hub.plugins.module_utils._addressing import HUB_AUDIENCE
from ansible_collections.customerinsights.hub.plugins.module_utils._auth import (
    AuthConfigError,
    Authenticator,
    generate_sas_token,
)
from ansible_collections.customerinsights.hub.plugins.module_utils._credentials import Lookup, find_credential


def resolve_auth_params(params, environ):
    """The method and values auth_source=auto picks for a Hub API task (no credential file, no az)."""
    credential = find_credential(Lookup(params, dict(environ, HOME='/nonexistent'), HUB_AUDIENCE, arm=False,
                                        which=lambda name, path=None: None))
    return credential.method, credential.values


# Signatures computed independently with:
#   printf '%s\n%s' "$(quote_plus uri)" EXPIRY | openssl dgst -sha256 -hmac KEY -binary | base64
SAS_VECTORS = [
    ('https://myhub.api.azurecustomerinsights.com', 'TestPolicy2', 'cHJpbWFyeVRlc3RSZWFk', 1800000000,
     'SharedAccessSignature sr=https%3A%2F%2Fmyhub.api.azurecustomerinsights.com'
     '&sig=IKawa%2FG8ZM5wfTzsKVn3wuoUixH0UMoO37LWmqHIZGk%3D&se=1800000000&skn=TestPolicy2'),
    ('http://127.0.0.1:8080', 'RootManageSharedAccessKey', 'ZW11bGF0b3Itcm9vdC1wcmltYXJ5LWtleQ==', 1700000000,
     'SharedAccessSignature sr=http%3A%2F%2F127.0.0.1%3A8080'
     '&sig=iLxVfGl%2BjgOs9lfFKrraKveThmUO%2FzwjE4ubB2mtog8%3D&se=1700000000&skn=RootManageSharedAccessKey'),
]


@pytest.mark.parametrize('uri, policy, key, expiry, expected', SAS_VECTORS)
def test_sas_token_matches_known_vectors(uri, policy, key, expiry, expected):
    assert generate_sas_token(uri, policy, key, expiry) == expected


def test_sas_token_url_encodes_the_policy_name():
    token = generate_sas_token('https://h', 'my policy&x', 'k', 1)
    assert token.endswith('&skn=my+policy%26x')


def params(**given):
    base = dict(sas_policy_name=None, sas_key=None, sas_token=None, access_token=None,
                tenant_id=None, client_id=None, client_secret=None, auth_authority=None, auth_source=None,
                credential_profile=None)
    base.update(given)
    return base


@pytest.mark.parametrize('given, key', [
    (dict(sas_policy_name='p', sas_key='k'), 'sas_key'),
    (dict(sas_token='SharedAccessSignature sr=x'), 'sas_token'),
    (dict(access_token='t'), 'access_token'),
    (dict(tenant_id='t', client_id='c', client_secret='s'), 'client_credentials'),
])
def test_each_method_resolves_from_task_options(given, key):
    method, values = resolve_auth_params(params(**given), environ={})
    assert method.key == key
    assert all(values[option] == value for option, value in given.items())


def test_no_method_fails_naming_the_options():
    with pytest.raises(AuthConfigError, match='No authentication method given, and no credentials found.*sas_policy_name/sas_key.*access_token'):
        resolve_auth_params(params(), environ={})


def test_two_methods_fail_naming_both():
    with pytest.raises(AuthConfigError, match=r'mutually exclusive, but the task gives SAS token.*access_token'):
        resolve_auth_params(params(sas_token='a', access_token='b'), environ={})


def test_incomplete_method_names_the_missing_option_and_its_variable():
    with pytest.raises(AuthConfigError, match=r'missing: sas_key \(set in the task or through CUSTOMER_INSIGHTS_SAS_KEY\)'):
        resolve_auth_params(params(sas_policy_name='p'), environ={})


def test_environment_is_used_only_when_the_task_gives_no_auth_option():
    environ = {'CUSTOMER_INSIGHTS_SAS_POLICY_NAME': 'p', 'CUSTOMER_INSIGHTS_SAS_KEY': 'k'}
    method, values = resolve_auth_params(params(), environ=environ)
    assert (method.key, values) == ('sas_key', {'sas_policy_name': 'p', 'sas_key': 'k'})
    method, values = resolve_auth_params(params(access_token='t'), environ=environ)
    assert (method.key, values) == ('access_token', {'access_token': 't'})


def test_the_task_method_takes_its_missing_options_from_their_variables():
    environ = {'CUSTOMER_INSIGHTS_SAS_KEY': 'k', 'AZURE_CLIENT_SECRET': 's'}
    method, values = resolve_auth_params(params(sas_policy_name='p'), environ=environ)
    assert (method.key, values) == ('sas_key', {'sas_policy_name': 'p', 'sas_key': 'k'})
    method, values = resolve_auth_params(params(tenant_id='t', client_id='c'), environ=environ)
    assert values == {'tenant_id': 't', 'client_id': 'c', 'client_secret': 's'}


def test_task_options_win_over_their_variables():
    method, values = resolve_auth_params(params(sas_policy_name='p', sas_key='task'), environ={'CUSTOMER_INSIGHTS_SAS_KEY': 'env'})
    assert values['sas_key'] == 'task'


def test_only_complete_methods_in_the_environment_count():
    environ = {'AZURE_TENANT_ID': 't', 'CUSTOMER_INSIGHTS_ACCESS_TOKEN': 'a'}
    method, _values = resolve_auth_params(params(), environ=environ)
    assert method.key == 'access_token'


def test_two_methods_in_the_environment_fail():
    environ = {'CUSTOMER_INSIGHTS_SAS_TOKEN': 'a', 'CUSTOMER_INSIGHTS_ACCESS_TOKEN': 'b'}
    with pytest.raises(AuthConfigError, match='environment variables give'):
        resolve_auth_params(params(), environ=environ)


def test_incomplete_environment_says_what_lacks():
    with pytest.raises(AuthConfigError, match=r'No authentication method given, and no credentials found.*client credentials .* lacks AZURE_CLIENT_ID, '
                                              r'AZURE_CLIENT_SECRET \(or AZURE_SECRET\)'):
        resolve_auth_params(params(), environ={'AZURE_TENANT_ID': 't'})


@pytest.mark.parametrize('value', ['s3cr3t\n', ' s3cr3t', 's3\x00cr3t', 's3cr3t\r\n'])
def test_credentials_with_control_characters_are_refused_without_quoting_them(value):
    with pytest.raises(AuthConfigError) as raised:
        resolve_auth_params(params(access_token=value), environ={})
    assert 'access_token must not have leading or trailing white space or control characters' in str(raised.value)
    assert 's3' not in str(raised.value) and 'cr3t' not in str(raised.value)


def test_authenticator_makes_the_header_once_and_registers_its_secrets():
    secrets = set()
    method, values = resolve_auth_params(params(sas_policy_name='p', sas_key='k'), environ={})
    auth = Authenticator(method, values, 'https://hub.example', register_secret=secrets.add)
    first = auth.authorization_header(client=None)
    assert first.startswith('SharedAccessSignature sr=https%3A%2F%2Fhub.example&sig=')
    assert auth.authorization_header(client=None) is first
    signature = first.split('&sig=')[1].split('&')[0]
    assert first in secrets and signature in secrets


def test_bearer_header():
    method, values = resolve_auth_params(params(access_token='tok'), environ={})
    assert Authenticator(method, values, 'https://h').authorization_header(client=None) == 'Bearer tok'


def test_empty_credentials_are_refused():
    with pytest.raises(AuthConfigError, match='sas_token must not be empty'):
        resolve_auth_params(params(sas_token=''), environ={})


@pytest.mark.parametrize('option', ['access_token', 'sas_token'])
def test_tokens_must_be_ascii(option):
    with pytest.raises(AuthConfigError, match='%s must be ASCII text' % option):
        resolve_auth_params(params(**{option: 'tok\u20acen'}), environ={})


def test_a_key_is_signed_so_it_may_hold_any_text():
    _method, values = resolve_auth_params(params(sas_policy_name='p', sas_key='kl\u00e9'), environ={})
    assert values['sas_key'] == 'kl\u00e9'
