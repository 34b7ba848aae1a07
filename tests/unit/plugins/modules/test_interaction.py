# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""interaction's and interaction_info's main() end to end, with the hub answered by `responses`."""

from __future__ import annotations

import json

import pytest
import responses

from responses import matchers

from ansible_collections.customerinsights.hub.plugins.modules import interaction, interaction_info

HUB = 'https://hub.example'
# An access token needs no token request.
CONNECTION = dict(hub_endpoint=HUB, access_token='unit-test-token')
QUERY = '?locale-code=en-us&api-version=2017-04-26'
PURCHASE = HUB + '/manage/model/interactions/Purchase' + QUERY
INTERACTIONS = HUB + '/manage/model/interactions' + QUERY
READ_ONLY_KEYS = {'entityType', 'typeName', 'instancesCount', 'provisioningState', 'tenantId', 'lastChangedUtc',
                  'defaultDataSource', 'dataSourcePrecedenceRules'}
BUYER = dict(participant_name='Buyer', profile_type_name='Contact',
             participant_property_references=[dict(source_property_name='BuyerId', target_property_name='ContactId')])
# The task of the minimal chain (hub_model_resources.md section 4), plus a participant.
CREATE = dict(CONNECTION, name='Purchase', api_entity_set_name='Purchases', id_property_names=['PurchaseId'],
              fields=[dict(field_name=name, field_type='Edm.String') for name in ('PurchaseId', 'BuyerId', 'SellerId')],
              participant_profiles=[BUYER])
CREATE_BODY = dict(apiEntitySetName='Purchases', idPropertyNames=['PurchaseId'],
                   fields=[dict(fieldName=name, fieldType='Edm.String') for name in ('PurchaseId', 'BuyerId', 'SellerId')],
                   participantProfiles=[dict(participantName='Buyer', profileTypeName='Contact', participantPropertyReferences=[
                       dict(sourcePropertyName='BuyerId', targetPropertyName='ContactId')])])
DATA_SOURCE = dict(name='SystemDefault', dataSourceType='SystemDefault', status='Active', id=1,
                   dataSourceReferenceId='system-default')


def hub_field(name, property_id, **flags):
    """A field as the hub stores it: every is* flag filled in, a propertyId, read-only precedence rules."""
    field = dict(fieldName=name, fieldType='Edm.String', propertyId=property_id, dataSourcePrecedenceRules=[],
                 **dict(('is' + flag, False) for flag in ('Array', 'Enum', 'FlagEnum', 'Image', 'LocalizedString',
                                                          'Name', 'Required')))
    field.update(flags)
    return field


def hub_interaction(state='Succeeded', name='Purchase', **fields):
    """Purchase as the hub answers it after CREATE: server defaults and read-only fields included."""
    definition = dict(CREATE_BODY, fields=[hub_field('PurchaseId', 'id1'), hub_field('BuyerId', 'id2'),
                                           hub_field('SellerId', 'id3')],
                      isActivity=False, entityType='Interaction', typeName=name, instancesCount=0,
                      provisioningState=state, tenantId='myhub', lastChangedUtc='2030-01-01T00:00:00.000Z',
                      defaultDataSource=DATA_SOURCE, dataSourcePrecedenceRules=[dict(dataSource=DATA_SOURCE, precedence=1)])
    definition.update(fields)
    return dict(id='/x/interactions/' + name, name='myhub/' + name, type='Microsoft.CustomerInsights/hubs/interactions',
                properties=definition)


def sent(call):
    return call.request.method, call.request.url


def body_of(call):
    return json.loads(call.request.body)


@responses.activate
def test_create_is_a_get_then_a_put_of_the_flat_definition_the_task_gave(run_module):
    responses.get(PURCHASE, status=404)
    responses.put(PURCHASE, json=hub_interaction())
    result, failed = run_module(interaction, CREATE)
    assert not failed and result['changed']
    assert [sent(call) for call in responses.calls] == [('GET', PURCHASE), ('PUT', PURCHASE)]
    assert body_of(responses.calls[1]) == CREATE_BODY
    assert (result['id'], result['name'], result['provisioning_state']) == ('/x/interactions/Purchase', 'Purchase', 'Succeeded')
    described = result['interaction']
    assert described['hub_tenant_id'] == 'myhub' and described['entity_type'] == 'Interaction'
    assert described['default_data_source']['data_source_reference_id'] == 'system-default'
    assert described['fields'][0]['property_id'] == 'id1' and described['is_activity'] is False
    assert (result['request_count'], result['retry_count'], result['poll_count']) == (2, 0, 0)


@responses.activate
def test_an_unchanged_interaction_is_one_get(run_module):
    responses.get(PURCHASE, json=hub_interaction())
    result, failed = run_module(interaction, CREATE)
    assert not failed and not result['changed']
    assert [sent(call) for call in responses.calls] == [('GET', PURCHASE)] and result['request_count'] == 1


@pytest.mark.parametrize('task, hub', [
    # The hub's is* flags, propertyIds, isActivity, entityType, typeName and instancesCount.
    (dict(fields=CREATE['fields']), {}),
    # Lists it fills in as empty, matched by a task that gives them empty.
    (dict(participant_profiles=[], id_property_names=[]), dict(participantProfiles=[], idPropertyNames=[])),
    # A false flag the hub leaves out altogether.
    (dict(is_activity=False), dict(isActivity=None)),
    # A participant's role the hub holds but the task leaves out.
    (dict(participant_profiles=[BUYER]), dict(participantProfiles=[dict(CREATE_BODY['participantProfiles'][0], role='Buyer')])),
], ids=['field-defaults', 'empty-lists', 'missing-false-flag', 'role-left-out'])
@responses.activate
def test_values_the_hub_fills_in_cause_no_change(run_module, task, hub):
    responses.get(PURCHASE, json=hub_interaction(**hub))
    result, failed = run_module(interaction, dict(CONNECTION, name='Purchase', **task))
    assert not failed and not result['changed'] and len(responses.calls) == 1


@responses.activate
def test_an_update_keeps_what_the_task_left_out(run_module):
    stored = hub_interaction(isActivity=True, description={'en-us': 'Old'}, fields=[
        hub_field('PurchaseId', 'id1', isRequired=True), hub_field('BuyerId', 'id2'), hub_field('SellerId', 'id3')])
    responses.get(PURCHASE, json=stored)
    responses.put(PURCHASE, json=hub_interaction(description={'en-us': 'New'}))
    task = dict(CONNECTION, name='Purchase', description={'en-us': 'New'},
                fields=CREATE['fields'] + [dict(field_name='Amount', field_type='Edm.Decimal')])
    result, failed = run_module(interaction, task)
    assert not failed and result['changed']
    body = body_of(responses.calls[1])
    # Everything the hub held is sent back, the task's changes overlaid; read-only keys are never sent.
    assert body['description'] == {'en-us': 'New'} and body['isActivity'] is True
    assert body['participantProfiles'] == CREATE_BODY['participantProfiles']
    assert (body['apiEntitySetName'], body['idPropertyNames']) == ('Purchases', ['PurchaseId'])
    assert not READ_ONLY_KEYS & set(body)
    # The fields the task gave without flags keep the hub's flags and propertyIds; the new one is sent as given.
    kept = [dict((key, value) for key, value in field.items() if key != 'dataSourcePrecedenceRules')
            for field in stored['properties']['fields']]
    assert body['fields'] == kept + [dict(fieldName='Amount', fieldType='Edm.Decimal')]


@responses.activate
def test_a_changed_participant_keeps_the_hubs_values_of_what_the_task_left_out(run_module):
    # The participant named Buyer is the hub's Buyer: new references, its role and texts kept.
    stored_buyer = dict(CREATE_BODY['participantProfiles'][0], role='Buyer', displayName={'en-us': 'Buyer'})
    responses.get(PURCHASE, json=hub_interaction(participantProfiles=[stored_buyer]))
    responses.put(PURCHASE, json=hub_interaction())
    references = [dict(source_property_name='SellerId', target_property_name='ContactId')]
    result, failed = run_module(interaction, dict(CONNECTION, name='Purchase',
                                                  participant_profiles=[dict(BUYER, participant_property_references=references)]))
    assert not failed and result['changed']
    assert body_of(responses.calls[1])['participantProfiles'] == [dict(
        stored_buyer, participantPropertyReferences=[dict(sourcePropertyName='SellerId', targetPropertyName='ContactId')])]


@responses.activate
def test_check_mode_is_one_get_and_predicts_the_change(run_module):
    responses.get(PURCHASE, json=hub_interaction())
    result, failed = run_module(interaction, dict(CONNECTION, name='Purchase', description={'en-us': 'New'}), check_mode=True)
    assert not failed and result['changed'] and len(responses.calls) == 1
    assert result['interaction']['description'] == {'en-us': 'New'}
    assert result['interaction']['hub_tenant_id'] == 'myhub' and result['id'] == '/x/interactions/Purchase'


@responses.activate
def test_check_mode_create_sends_nothing_but_the_get(run_module):
    responses.get(PURCHASE, status=404)
    result, failed = run_module(interaction, CREATE, check_mode=True)
    assert not failed and result['changed'] and [sent(call) for call in responses.calls] == [('GET', PURCHASE)]
    assert result['id'] is None and result['interaction']['api_entity_set_name'] == 'Purchases'


@responses.activate
def test_diff_shows_the_writable_fields_before_and_after(run_module):
    responses.get(PURCHASE, json=hub_interaction(description={'en-us': 'Old'}))
    responses.put(PURCHASE, json=hub_interaction(description={'en-us': 'New'}))
    result, failed = run_module(interaction, dict(CONNECTION, name='Purchase', description={'en-us': 'New'}), diff=True)
    assert not failed and result['changed']
    before, after = result['diff']['before'], result['diff']['after']
    assert (before['description'], after['description']) == ({'en-us': 'Old'}, {'en-us': 'New'})
    assert before['participant_profiles'] == after['participant_profiles'] == [BUYER]
    assert 'entity_type' not in before and 'hub_tenant_id' not in after


@pytest.mark.parametrize('check_mode', [False, True])
@responses.activate
def test_absent_fails_before_any_request(run_module, check_mode):
    result, failed = run_module(interaction, dict(CONNECTION, name='Purchase', state='absent'), check_mode=check_mode)
    assert failed and not result.get('changed')
    assert 'state=absent is not possible: the Hub API cannot delete interactions (it has no DELETE for them)' in result['msg']
    assert len(responses.calls) == 0 and result['request_count'] == 0


@pytest.mark.parametrize('check_mode', [False, True])
@responses.activate
def test_changing_is_activity_is_refused_before_the_put(run_module, check_mode):
    responses.get(PURCHASE, json=hub_interaction())
    result, failed = run_module(interaction, dict(CONNECTION, name='Purchase', is_activity=True, description={'en-us': 'x'}),
                                check_mode=check_mode)
    assert failed and not result.get('changed')
    assert result['msg'] == ('Interaction Purchase: is_activity can only be set when the interaction is created: '
                             'the hub holds false, the task asks for true.')
    assert [sent(call) for call in responses.calls] == [('GET', PURCHASE)]


@responses.activate
def test_is_activity_is_sent_when_the_interaction_is_created(run_module):
    responses.get(PURCHASE, status=404)
    responses.put(PURCHASE, json=hub_interaction(isActivity=True))
    result, failed = run_module(interaction, dict(CREATE, is_activity=True))
    assert not failed and result['changed'] and body_of(responses.calls[1]) == dict(CREATE_BODY, isActivity=True)
    assert result['interaction']['is_activity'] is True


@responses.activate
def test_the_locale_code_is_sent_with_every_request(run_module):
    french = [matchers.query_param_matcher({'locale-code': 'fr-fr', 'api-version': '2017-04-26'})]
    url = HUB + '/manage/model/interactions/Purchase'
    responses.get(url, status=404, match=french)
    responses.put(url, json=hub_interaction(), match=french)
    result, failed = run_module(interaction, dict(CREATE, locale_code='fr-fr'))
    assert not failed and result['changed'] and len(responses.calls) == 2
    assert all('locale-code=fr-fr' in call.request.url for call in responses.calls)


@responses.activate
def test_a_reference_the_hub_refuses_is_its_code_and_message_and_no_change(run_module):
    refusal = {'error': {'code': 'InvalidReference', 'message': "participantProfiles[0].profileTypeName: profile 'Contact' does not exist"}}
    responses.get(PURCHASE, status=404)
    responses.put(PURCHASE, status=400, json=refusal)
    result, failed = run_module(interaction, CREATE)
    assert failed and result['changed'] is False and result['status'] == 400 and result['response'] == refusal
    assert "InvalidReference: participantProfiles[0].profileTypeName: profile 'Contact' does not exist" in result['msg']


@responses.activate
def test_a_failure_after_the_hub_accepted_the_write_is_a_change(run_module):
    responses.get(PURCHASE, status=404)
    responses.put(PURCHASE, json=hub_interaction('Failed'))
    result, failed = run_module(interaction, CREATE)
    assert failed and result['changed'] is True
    assert 'ended in state Failed' in result['msg'] and result['request_count'] == 2


@responses.activate
def test_a_create_accepted_without_waiting_has_no_id_yet(run_module):
    responses.get(PURCHASE, status=404)
    responses.put(PURCHASE, status=202, headers={'Location': HUB + '/manage/model/operations/op1?api-version=2017-04-26'})
    result, failed = run_module(interaction, dict(CREATE, wait=False))
    assert not failed and result['changed'] and result['id'] is None and len(responses.calls) == 2
    assert result['interaction']['id_property_names'] == ['PurchaseId']


@responses.activate
def test_info_follows_every_page(run_module):
    second_page = HUB + '/manage/model/interactions?api-version=2017-04-26&$skiptoken=1&locale-code=en-us'
    responses.get(INTERACTIONS, json={'value': [hub_interaction()], 'nextLink': second_page})
    responses.get(second_page, json={'value': [hub_interaction(name='StoreVisit', isActivity=True)]})
    result, failed = run_module(interaction_info, CONNECTION)
    assert not failed and not result['changed']
    assert [sent(call) for call in responses.calls] == [('GET', INTERACTIONS), ('GET', second_page)]
    found = result['interactions']
    assert [item['name'] for item in found] == ['Purchase', 'StoreVisit'] and found[1]['is_activity'] is True
    assert found[0]['hub_tenant_id'] == 'myhub' and 'tenant_id' not in found[0]
    assert (result['request_count'], result['poll_count']) == (2, 0)


@responses.activate
def test_info_by_name_is_one_get_and_a_missing_one_is_an_empty_list(run_module):
    responses.get(PURCHASE, json=hub_interaction())
    responses.get(HUB + '/manage/model/interactions/Missing' + QUERY, status=404)
    result, failed = run_module(interaction_info, dict(CONNECTION, name='Purchase'))
    assert not failed and [item['name'] for item in result['interactions']] == ['Purchase']
    assert result['interactions'][0]['participant_profiles'] == [BUYER]
    result, failed = run_module(interaction_info, dict(CONNECTION, name='Missing'))
    assert not failed and result['interactions'] == []
    assert [sent(call) for call in responses.calls] == [('GET', PURCHASE), ('GET', HUB + '/manage/model/interactions/Missing' + QUERY)]


@responses.activate
def test_info_with_a_locale_code_asks_for_it(run_module):
    url = HUB + '/manage/model/interactions?locale-code=fr-fr&api-version=2017-04-26'
    responses.get(url, json={'value': []})
    result, failed = run_module(interaction_info, dict(CONNECTION, locale_code='fr-fr'))
    assert not failed and result['interactions'] == [] and [sent(call) for call in responses.calls] == [('GET', url)]
