# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""relationship_link's main() end to end, with the hub answered by `responses`."""

from __future__ import annotations

import json

import pytest
import responses

from ansible_collections.customerinsights.hub.plugins.modules import relationship_link, relationship_link_info

HUB = 'https://hub.example'
# An access token needs no token request.
CONNECTION = dict(hub_endpoint=HUB, access_token='unit-test-token')
LINK = HUB + '/manage/model/relationshipLinks/PurchaseLink?api-version=2017-04-26'
LINKS = HUB + '/manage/model/relationshipLinks?api-version=2017-04-26'
CREATE = dict(CONNECTION, name='PurchaseLink', interaction_type='WebPurchase', relationship_name='CustomerToStore',
              profile_property_references=[dict(interaction_property_name='CustomerId', profile_property_name='ProfileId')],
              related_profile_property_references=[dict(interaction_property_name='StoreId', profile_property_name='ProfileId')])
ACTIVITY_KEYS = {'request_count', 'retry_count', 'poll_count', 'elapsed_seconds'}


def hub_link(state='Succeeded', **fields):
    definition = dict(interactionType='WebPurchase', relationshipName='CustomerToStore', linkName='PurchaseLink',
                      provisioningState=state, tenantId='myhub',
                      profilePropertyReferences=[dict(interactionPropertyName='CustomerId', profilePropertyName='ProfileId')],
                      relatedProfilePropertyReferences=[dict(interactionPropertyName='StoreId', profilePropertyName='ProfileId')])
    definition.update(fields)
    return dict(id='/x/relationshipLinks/PurchaseLink', name='myhub/PurchaseLink', type='t', properties=definition)


@responses.activate
def test_create_reports_the_link_and_what_the_run_did(run_module):
    responses.get(LINK, status=404)
    responses.put(LINK, json=hub_link())
    result, failed = run_module(relationship_link, CREATE)
    assert not failed and result['changed']
    assert result['id'] == '/x/relationshipLinks/PurchaseLink' and result['name'] == 'PurchaseLink'
    assert result['relationship_link']['hub_tenant_id'] == 'myhub'
    assert (result['request_count'], result['retry_count'], result['poll_count']) == (2, 0, 0)
    assert 'request_trace' not in result


@responses.activate
def test_an_unchanged_link_is_one_get(run_module):
    responses.get(LINK, json=hub_link())
    result, failed = run_module(relationship_link, CREATE)
    assert not failed and not result['changed'] and result['request_count'] == 1


@responses.activate
def test_at_vvv_every_request_is_traced(run_module):
    responses.get(LINK, json=hub_link())
    result, _failed = run_module(relationship_link, CREATE, verbosity=3)
    assert [(entry['method'], entry['url'], entry['status']) for entry in result['request_trace']] == [('GET', LINK, 200)]


@responses.activate
def test_retries_are_counted_and_warned_about(run_module):
    responses.get(LINK, status=503, headers={'Retry-After': '0'})
    responses.get(LINK, json=hub_link())
    result, failed = run_module(relationship_link, CREATE)
    assert not failed and result['retry_count'] == 1 and result['request_count'] == 2
    assert result['warnings'] == ['1 transient failure(s) were retried: 1 x HTTP 503.']


@responses.activate
def test_a_failure_after_the_hub_accepted_the_write_is_a_change(run_module):
    responses.get(LINK, status=404)
    responses.put(LINK, json=hub_link('Failed'))
    result, failed = run_module(relationship_link, CREATE)
    assert failed and result['changed'] is True
    assert 'ended in state Failed' in result['msg'] and ACTIVITY_KEYS <= set(result)


@responses.activate
def test_a_refused_write_is_no_change(run_module):
    responses.get(LINK, status=404)
    responses.put(LINK, status=400, json={'error': {'code': 'InvalidRequestContent', 'message': 'bad'}})
    result, failed = run_module(relationship_link, CREATE)
    assert failed and result['changed'] is False and result['status'] == 400
    assert 'InvalidRequestContent: bad' in result['msg']


@responses.activate
def test_a_mistyped_answer_is_a_clear_error(run_module):
    responses.get(LINK, json=hub_link(description='not a map'))
    result, failed = run_module(relationship_link, CREATE)
    assert failed and 'properties.description must be a JSON object of locale code to text, not a string' in result['msg']
    assert LINK in result['msg']


@pytest.mark.parametrize('endpoint, message', [
    (HUB + '/manage/model', 'hub_endpoint must be the root of the hub'),
    (None, 'either hub_endpoint (or CUSTOMER_INSIGHTS_HUB_ENDPOINT), or the ARM address'),
])
@responses.activate
def test_a_bad_endpoint_fails_before_any_request(run_module, endpoint, message):
    result, failed = run_module(relationship_link, dict(CREATE, hub_endpoint=endpoint))
    assert failed and message in result['msg'] and result['request_count'] == 0
    assert len(responses.calls) == 0


@responses.activate
def test_a_missing_ca_path_fails_before_any_request(run_module, tmp_path):
    result, failed = run_module(relationship_link, dict(CREATE, ca_path=str(tmp_path / 'missing.pem')))
    assert failed and 'ca_path' in result['msg'] and len(responses.calls) == 0


@responses.activate
def test_info_lists_links_without_an_option_name_for_read_only_fields(run_module):
    responses.get(LINKS, json={'value': [hub_link()]})
    result, failed = run_module(relationship_link_info, CONNECTION)
    assert not failed and not result['changed']
    link = result['relationship_links'][0]
    assert link['hub_tenant_id'] == 'myhub' and 'tenant_id' not in link
    assert result['poll_count'] == 0 and result['request_count'] == 1


@responses.activate
def test_info_reports_a_page_of_the_wrong_shape(run_module):
    responses.get(LINKS, json={'value': [hub_link(mappings={'a': 'b'})]})
    result, failed = run_module(relationship_link_info, CONNECTION)
    assert failed and 'mappings must be a list of JSON objects, not an object' in result['msg']


@responses.activate
def test_check_mode_sends_no_write(run_module):
    responses.get(LINK, status=404)
    result, failed = run_module(relationship_link, CREATE, check_mode=True, diff=True)
    assert not failed and result['changed'] and len(responses.calls) == 1
    assert result['diff']['before'] == {} and result['diff']['after']['interaction_type'] == 'WebPurchase'
    assert json.dumps(result).count('unit-test-token') == 0
