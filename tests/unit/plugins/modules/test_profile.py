# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""profile's and profile_info's main() end to end, with the hub answered by `responses`.

Every URL registered here carries its query string, which `responses` then matches exactly: a
request without the locale-code (or with another one) would find no answer and fail the test.
"""

from __future__ import annotations

import json

import pytest
import responses

from ansible_collections.customerinsights.hub.plugins.modules import profile, profile_info

HUB = 'https://hub.example'
# An access token needs no token request.
CONNECTION = dict(hub_endpoint=HUB, access_token='unit-test-token')
QUERY = '?locale-code=en-us&api-version=2017-04-26'
CONTACT = HUB + '/manage/model/profiles/Contact' + QUERY
PROFILES = HUB + '/manage/model/profiles' + QUERY
ACTIVITY_KEYS = {'request_count', 'retry_count', 'poll_count', 'elapsed_seconds'}
# The task of the minimal chain (hub_model_resources.md section 4).
CREATE = dict(CONNECTION, name='Contact', api_entity_set_name='Contacts',
              fields=[dict(field_name='ContactId', field_type='Edm.String')],
              strong_ids=[dict(strong_id_name='ContactKey', key_property_names=['ContactId'])])
# The server-filled values of a field the task gave only a name and a type (Microsoft's example answers).
FIELD_DEFAULTS = dict(isArray=False, isEnum=False, isFlagEnum=False, isImage=False, isLocalizedString=False,
                      isName=False, isRequired=False)


def hub_field(name, field_type='Edm.String', property_id='id1', **flags):
    return dict(FIELD_DEFAULTS, fieldName=name, fieldType=field_type, propertyId=property_id, **flags)


def hub_profile(name='Contact', state='Succeeded', **fields):
    """The hub's ARM-shaped answer: the definition plus what the hub fills in and the read-only fields."""
    definition = dict(apiEntitySetName='Contacts', fields=[hub_field('ContactId')],
                      strongIds=[dict(strongIdName='ContactKey', keyPropertyNames=['ContactId'])],
                      entityType='Profile', typeName=name, instancesCount=0, provisioningState=state,
                      tenantId='myhub', lastChangedUtc='2026-11-27T07:31:19.531Z')
    definition.update(fields)
    return dict(id='/x/profiles/%s' % name, name='myhub/%s' % name, type='Microsoft.CustomerInsights/hubs/profiles',
                properties=definition)


def sent(index):
    """(method, URL, JSON body or None) of the index-th request."""
    request = responses.calls[index].request
    return request.method, request.url, json.loads(request.body) if request.body else None


@responses.activate
def test_create_sends_the_flat_definition_of_the_task_and_reports_the_profile(run_module):
    responses.get(CONTACT, status=404)
    responses.put(CONTACT, json=hub_profile())
    result, failed = run_module(profile, CREATE)
    assert not failed and result['changed']
    assert [call.request.method for call in responses.calls] == ['GET', 'PUT']
    # Only what the task gave, camelCase, flat; no sub-option the task left out, no read-only field.
    assert sent(1)[2] == dict(apiEntitySetName='Contacts', fields=[dict(fieldName='ContactId', fieldType='Edm.String')],
                              strongIds=[dict(strongIdName='ContactKey', keyPropertyNames=['ContactId'])])
    assert (result['id'], result['name'], result['provisioning_state']) == ('/x/profiles/Contact', 'Contact', 'Succeeded')
    described = result['profile']
    assert described['name'] == 'Contact' and described['type_name'] == 'Contact' and described['entity_type'] == 'Profile'
    assert described['hub_tenant_id'] == 'myhub' and 'tenant_id' not in described
    assert described['fields'][0]['property_id'] == 'id1' and described['description'] is None
    assert (result['request_count'], result['retry_count'], result['poll_count']) == (2, 0, 0)


@responses.activate
def test_an_unchanged_profile_is_one_get(run_module):
    responses.get(CONTACT, json=hub_profile())
    result, failed = run_module(profile, CREATE)
    assert not failed and not result['changed'] and result['request_count'] == 1 and len(responses.calls) == 1


@responses.activate
def test_values_the_hub_fills_in_cause_no_change(run_module):
    # The hub answers with flags, property ids, entityType/typeName/instancesCount the task never gave,
    # and its lists in another order than the task's.
    responses.get(CONTACT, json=hub_profile(
        fields=[hub_field('Email', property_id='id2'), hub_field('ContactId', isRequired=True)],
        strongIds=[dict(strongIdName='ContactKey', keyPropertyNames=['Email', 'ContactId'])]))
    task = dict(CREATE, fields=[dict(field_name='ContactId', field_type='Edm.String', is_required=True),
                                dict(field_name='Email', field_type='Edm.String', is_array=False)],
                strong_ids=[dict(strong_id_name='ContactKey', key_property_names=['ContactId', 'Email'])])
    result, failed = run_module(profile, task)
    assert not failed and not result['changed'] and len(responses.calls) == 1


@responses.activate
def test_a_given_flag_that_differs_from_the_hub_is_a_change(run_module):
    responses.get(CONTACT, json=hub_profile())
    responses.put(CONTACT, json=hub_profile(fields=[hub_field('ContactId', isName=True)]))
    task = dict(CREATE, fields=[dict(field_name='ContactId', field_type='Edm.String', is_name=True)])
    result, failed = run_module(profile, task)
    assert not failed and result['changed']
    # The hub's own values of the item (propertyId, the other flags) go back with the task's flag.
    assert sent(1)[2]['fields'] == [hub_field('ContactId', isName=True)]


@responses.activate
def test_an_update_keeps_every_field_the_task_left_out(run_module):
    responses.get(CONTACT, json=hub_profile(description={'en-us': 'A person'}, displayName={'en-us': 'Contact'},
                                            timestampFieldName='ContactId'))
    responses.put(CONTACT, json=hub_profile(displayName={'en-us': 'Customer contact'}))
    result, failed = run_module(profile, dict(CONNECTION, name='Contact', display_name={'en-us': 'Customer contact'}))
    assert not failed and result['changed']
    assert sent(1)[2] == dict(apiEntitySetName='Contacts', fields=[hub_field('ContactId')],
                              strongIds=[dict(strongIdName='ContactKey', keyPropertyNames=['ContactId'])],
                              timestampFieldName='ContactId', description={'en-us': 'A person'},
                              displayName={'en-us': 'Customer contact'})


@responses.activate
def test_check_mode_sends_one_get_and_predicts_the_profile(run_module):
    responses.get(CONTACT, status=404)
    result, failed = run_module(profile, CREATE, check_mode=True, diff=True)
    assert not failed and result['changed'] and len(responses.calls) == 1 and result['request_count'] == 1
    assert result['profile']['name'] == 'Contact' and result['profile']['api_entity_set_name'] == 'Contacts'
    assert result['diff']['before'] == {}
    assert result['diff']['after']['strong_ids'] == [dict(strong_id_name='ContactKey', key_property_names=['ContactId'])]
    assert json.dumps(result).count('unit-test-token') == 0


@responses.activate
def test_diff_shows_the_writable_fields_before_and_after(run_module):
    responses.get(CONTACT, json=hub_profile(displayName={'en-us': 'Contact'}))
    responses.put(CONTACT, json=hub_profile(displayName={'en-us': 'Customer contact'}))
    result, failed = run_module(profile, dict(CONNECTION, name='Contact', display_name={'en-us': 'Customer contact'}),
                                diff=True)
    assert not failed and result['changed']
    before, after = result['diff']['before'], result['diff']['after']
    assert before['display_name'] == {'en-us': 'Contact'} and after['display_name'] == {'en-us': 'Customer contact'}
    assert before['fields'] == after['fields'] and before['api_entity_set_name'] == after['api_entity_set_name'] == 'Contacts'
    # Read-only and server-owned values are not writable fields: they are in no diff.
    assert not {'provisioning_state', 'hub_tenant_id', 'entity_type', 'type_name', 'instances_count'} & set(before)


@responses.activate
def test_absent_deletes_an_existing_profile_and_reports_its_id(run_module):
    responses.get(CONTACT, json=hub_profile())
    responses.delete(CONTACT, status=200)
    result, failed = run_module(profile, dict(CONNECTION, name='Contact', state='absent'), diff=True)
    assert not failed and result['changed'] and result['id'] == '/x/profiles/Contact'
    assert [call.request.method for call in responses.calls] == ['GET', 'DELETE']
    assert result['profile'] == {} and result['diff']['after'] == {}
    assert result['diff']['before']['api_entity_set_name'] == 'Contacts'


@responses.activate
def test_absent_leaves_a_missing_profile_alone(run_module):
    responses.get(CONTACT, status=404)
    result, failed = run_module(profile, dict(CONNECTION, name='Contact', state='absent'))
    assert not failed and not result['changed'] and len(responses.calls) == 1


@responses.activate
def test_absent_in_check_mode_sends_no_delete(run_module):
    responses.get(CONTACT, json=hub_profile())
    result, failed = run_module(profile, dict(CONNECTION, name='Contact', state='absent'), check_mode=True)
    assert not failed and result['changed'] and len(responses.calls) == 1


@responses.activate
def test_a_refused_delete_reports_the_hubs_code_and_message_and_no_change(run_module):
    responses.get(CONTACT, json=hub_profile())
    responses.delete(CONTACT, status=409, json={'error': {'code': 'Conflict', 'message': 'still referenced'}})
    result, failed = run_module(profile, dict(CONNECTION, name='Contact', state='absent'))
    assert failed and result['changed'] is False and result['status'] == 409
    assert 'Conflict: still referenced' in result['msg'] and ACTIVITY_KEYS <= set(result)


@responses.activate
def test_the_locale_code_goes_with_every_request(run_module):
    french = HUB + '/manage/model/profiles/Contact?locale-code=fr-fr&api-version=2017-04-26'
    responses.get(french, json=hub_profile())
    responses.put(french, json=hub_profile(displayName={'fr-fr': 'Contact'}))
    result, failed = run_module(profile, dict(CONNECTION, name='Contact', locale_code='fr-fr',
                                              display_name={'fr-fr': 'Contact'}))
    assert not failed and result['changed']
    assert [sent(index)[:2] for index in range(2)] == [('GET', french), ('PUT', french)]


@pytest.mark.parametrize('put_answer, args, start, detail', [
    (dict(json=hub_profile(state='Failed')), {}, 'Provisioning of', 'ended in state Failed'),
    # The poll the 202 asks for would come after wait_timeout: the task gives up at once.
    (dict(status=202, headers={'Retry-After': '5'}), dict(wait_timeout=1), 'Timed out', 'wait_timeout=1'),
])
@responses.activate
def test_a_failure_after_the_hub_accepted_the_write_is_a_change(run_module, put_answer, args, start, detail):
    responses.get(CONTACT, status=404)
    responses.put(CONTACT, **put_answer)
    result, failed = run_module(profile, dict(CREATE, **args))
    assert failed and result['changed'] is True and ACTIVITY_KEYS <= set(result)
    assert result['msg'].startswith(start) and detail in result['msg']


@pytest.mark.parametrize('args, message', [
    (dict(name='Contact-Type'), "name 'Contact-Type' is invalid"),
    (dict(name='C' * 129), 'name must be at most 128 characters long'),
    (dict(name='Contact', strong_ids=[dict(strong_id_name='K', key_property_names=['A'], display_name={'en-us': 3})]),
     'strong_ids[0].display_name must map locale codes to strings'),
])
@responses.activate
def test_bad_input_fails_before_any_request(run_module, args, message):
    result, failed = run_module(profile, dict(CONNECTION, **args))
    assert failed and message in result['msg'] and result['request_count'] == 0 and len(responses.calls) == 0


@responses.activate
def test_info_follows_every_page_and_returns_bare_names(run_module):
    second_page = HUB + '/manage/model/profiles?api-version=2017-04-26&$skiptoken=1&locale-code=en-us'
    responses.get(PROFILES, json={'value': [hub_profile('Contact')], 'nextLink': second_page})
    responses.get(second_page, json={'value': [hub_profile('Store', apiEntitySetName='Stores')]})
    result, failed = run_module(profile_info, CONNECTION)
    assert not failed and not result['changed']
    assert [item['name'] for item in result['profiles']] == ['Contact', 'Store']
    assert result['profiles'][1]['api_entity_set_name'] == 'Stores' and result['profiles'][1]['hub_tenant_id'] == 'myhub'
    assert [sent(index)[1] for index in range(2)] == [PROFILES, second_page]
    assert (result['request_count'], result['poll_count']) == (2, 0)


@responses.activate
def test_info_by_name_is_one_get(run_module):
    responses.get(CONTACT, json=hub_profile())
    result, failed = run_module(profile_info, dict(CONNECTION, name='Contact'))
    assert not failed and len(responses.calls) == 1
    assert [item['name'] for item in result['profiles']] == ['Contact']
    # An item holds every option of profile, so it can be fed back.
    assert set(profile.MODEL.resource_argspec()) <= set(result['profiles'][0])


@responses.activate
def test_info_by_name_of_a_missing_profile_is_empty(run_module):
    responses.get(CONTACT, status=404)
    result, failed = run_module(profile_info, dict(CONNECTION, name='Contact'))
    assert not failed and result['profiles'] == []


@responses.activate
def test_info_reports_a_mistyped_answer(run_module):
    responses.get(CONTACT, json=hub_profile(strongIds={'ContactKey': ['ContactId']}))
    result, failed = run_module(profile_info, dict(CONNECTION, name='Contact'))
    assert failed and 'properties.strongIds must be a list of JSON objects, not an object' in result['msg']
