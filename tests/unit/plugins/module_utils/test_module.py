# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

import pytest

from ansible_collections.customerinsights.hub.plugins.module_utils._addressing import HUB_AUDIENCE, endpoint_problem
from ansible_collections.customerinsights.hub.plugins.module_utils._auth import AuthConfigError
from ansible_collections.customerinsights.hub.plugins.module_utils._credentials import Lookup, find_credential
from ansible_collections.customerinsights.hub.plugins.module_utils._module import ca_path_problem

PEM = b'-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n'


@pytest.mark.parametrize('endpoint', ['https://myhub.api.azurecustomerinsights.com', 'https://myhub.example/',
                                      'http://127.0.0.1:8080'])
def test_the_root_of_a_hub_is_a_valid_endpoint(endpoint):
    assert endpoint_problem(endpoint) is None


@pytest.mark.parametrize('endpoint', ['https://myhub.api.azurecustomerinsights.com/manage/model',
                                      'https://myhub.example/manage', 'https://myhub.example/?a=1',
                                      'https://myhub.example/#frag'])
def test_an_endpoint_with_a_path_is_refused_showing_the_expected_form(endpoint):
    problem = endpoint_problem(endpoint)
    assert problem.startswith('hub_endpoint must be the root of the hub')
    assert 'https://<hub>.api.azurecustomerinsights.com' in problem and repr(endpoint) in problem


@pytest.mark.parametrize('endpoint', ['myhub.example', 'ftp://myhub.example', 'https://'])
def test_an_endpoint_that_is_no_http_url_is_refused(endpoint):
    assert endpoint_problem(endpoint).startswith('hub_endpoint must be an http(s) URL')


@pytest.mark.parametrize('endpoint', [None, ''])
def test_a_missing_endpoint_names_the_option_and_its_variable(endpoint):
    assert endpoint_problem(endpoint).startswith('hub_endpoint (or CUSTOMER_INSIGHTS_HUB_ENDPOINT) is required')


def test_a_readable_pem_file_or_directory_is_a_valid_ca_path(tmp_path):
    bundle = tmp_path / 'ca.pem'
    bundle.write_bytes(PEM)
    assert ca_path_problem(str(bundle)) is None
    assert ca_path_problem(str(tmp_path)) is None
    assert ca_path_problem(None) is None


def test_a_missing_ca_path_is_named(tmp_path):
    missing = str(tmp_path / 'nope.pem')
    assert ca_path_problem(missing) == 'ca_path %s cannot be read: No such file or directory' % missing


def test_a_ca_path_without_a_certificate_is_named(tmp_path):
    bundle = tmp_path / 'key.txt'
    bundle.write_bytes(b'not a certificate')
    assert 'ca_path %s holds no PEM certificate' % bundle in ca_path_problem(str(bundle))


def test_no_auth_method_lists_the_variables_of_every_method():
    with pytest.raises(AuthConfigError) as raised:
        find_credential(Lookup({}, {'HOME': '/nonexistent'}, HUB_AUDIENCE, arm=False, which=lambda name, path=None: None))
    message = str(raised.value)
    for variable in ('CUSTOMER_INSIGHTS_SAS_POLICY_NAME', 'CUSTOMER_INSIGHTS_SAS_KEY', 'CUSTOMER_INSIGHTS_SAS_TOKEN',
                     'CUSTOMER_INSIGHTS_ACCESS_TOKEN', 'AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET'):
        assert variable in message
