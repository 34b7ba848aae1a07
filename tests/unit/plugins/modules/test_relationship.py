# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""relationship's and relationship_info's main() end to end, with the hub answered by `responses`."""

from __future__ import annotations

import json

import responses

from ansible_collections.customerinsights.hub.plugins.modules import relationship, relationship_info

HUB = 'https://hub.example'
# An access token needs no token request.
CONNECTION = dict(hub_endpoint=HUB, access_token='unit-test-token')
RELATIONSHIP = HUB + '/manage/model/relationships/BuyerSeller?api-version=2017-04-26'
RELATIONSHIPS = HUB + '/manage/model/relationships?api-version=2017-04-26'
CREATE = dict(CONNECTION, name='BuyerSeller', profile_type='Contact', related_profile_type='Contact')
ACTIVITY_KEYS = {'request_count', 'retry_count', 'poll_count', 'elapsed_seconds'}
READ_ONLY_KEYS = {'relationshipName', 'relationshipGuidId', 'provisioningState', 'tenantId'}


def task_field(name, field_type='Edm.String', **sub_options):
    """A fields item as AnsibleModule hands it over: sub-options the task left out are None."""
    item = dict((option, None) for option in relationship.MODEL.resource_argspec()['fields']['options'])
    item.update(field_name=name, field_type=field_type, **sub_options)
    return item


def hub_field(name, field_type='Edm.String', property_id='id1', **flags):
    """A field as the hub holds it, with the values it fills in (false is* flags, a propertyId)."""
    item = dict(fieldName=name, fieldType=field_type, propertyId=property_id, isArray=False, isEnum=False,
                isFlagEnum=False, isImage=False, isLocalizedString=False, isName=False, isRequired=False)
    item.update(flags)
    return item


def hub_relationship(name='BuyerSeller', state='Succeeded', **fields):
    """The hub's ARM-shaped answer for a relationship, server-filled values and read-only fields included."""
    definition = dict(profileType='Contact', relatedProfileType='Contact', fields=[], lookupMappings=[],
                      relationshipName=name, relationshipGuidId='3f2a9c4e-7b1d-4e8a-9c6f-1d2e3f4a5b6c',
                      provisioningState=state, tenantId='myhub')
    definition.update(fields)
    return dict(id='/x/relationships/%s' % name, name='myhub/%s' % name,
                type='Microsoft.CustomerInsights/hubs/relationships', properties=definition)


def requests_sent():
    """(method, URL) of every request the hub got, in order."""
    return [(call.request.method, call.request.url) for call in responses.calls]


def body_sent(index):
    return json.loads(responses.calls[index].request.body)


@responses.activate
def test_create_sends_the_task_options_as_a_flat_body(run_module):
    responses.get(RELATIONSHIP, status=404)
    responses.put(RELATIONSHIP, json=hub_relationship(cardinality='OneToMany', fields=[hub_field('LastPurchase', 'Edm.DateTimeOffset')]))
    result, failed = run_module(relationship, dict(
        CREATE, cardinality='OneToMany', fields=[task_field('LastPurchase', 'Edm.DateTimeOffset')],
        lookup_mappings=[dict(field_mappings=[dict(profile_field_name='ReferrerId', related_profile_key_property='ContactId')])],
        expiry_date_time_utc='2030-01-01T00:00:00Z', display_name={'en-us': 'Buyer and seller'}))
    assert not failed and result['changed']
    assert requests_sent() == [('GET', RELATIONSHIP), ('PUT', RELATIONSHIP)]
    assert body_sent(1) == {
        'profileType': 'Contact', 'relatedProfileType': 'Contact', 'cardinality': 'OneToMany',
        'fields': [{'fieldName': 'LastPurchase', 'fieldType': 'Edm.DateTimeOffset'}],
        'lookupMappings': [{'fieldMappings': [{'profileFieldName': 'ReferrerId', 'relatedProfileKeyProperty': 'ContactId'}]}],
        'expiryDateTimeUtc': '2030-01-01T00:00:00Z', 'displayName': {'en-us': 'Buyer and seller'}}
    assert (result['id'], result['name'], result['provisioning_state']) == ('/x/relationships/BuyerSeller', 'BuyerSeller', 'Succeeded')
    described = result['relationship']
    assert described['relationship_name'] == 'BuyerSeller' and described['hub_tenant_id'] == 'myhub'
    assert described['fields'][0]['property_id'] == 'id1' and 'tenant_id' not in described
    assert (result['request_count'], result['retry_count'], result['poll_count']) == (2, 0, 0)


@responses.activate
def test_an_unchanged_relationship_is_one_get(run_module):
    responses.get(RELATIONSHIP, json=hub_relationship(cardinality='OneToOne'))
    result, failed = run_module(relationship, dict(CREATE, cardinality='OneToOne'))
    assert not failed and not result['changed'] and result['request_count'] == 1
    assert requests_sent() == [('GET', RELATIONSHIP)]


@responses.activate
def test_values_the_hub_fills_in_cause_no_change(run_module):
    # The hub holds false is* flags, a propertyId, empty lookupMappings and the expiry in its own
    # spelling; the task gives none of those (or the same instant its own way).
    responses.get(RELATIONSHIP, json=hub_relationship(
        fields=[hub_field('LastPurchase', 'Edm.DateTimeOffset', 'id7')], expiryDateTimeUtc='2030-01-01T00:00:00.000Z'))
    result, failed = run_module(relationship, dict(
        CREATE, fields=[task_field('LastPurchase', 'Edm.DateTimeOffset', is_array=False)],
        expiry_date_time_utc='2030-01-01T01:00:00+01:00'))
    assert not failed and not result['changed'] and len(responses.calls) == 1


@responses.activate
def test_an_update_keeps_what_the_task_left_out(run_module):
    responses.get(RELATIONSHIP, json=hub_relationship(
        cardinality='OneToOne', fields=[hub_field('LastPurchase', 'Edm.DateTimeOffset', isRequired=True)],
        displayName={'en-us': 'Buyer and seller'}))
    responses.put(RELATIONSHIP, json=hub_relationship(cardinality='OneToMany'))
    result, failed = run_module(relationship, dict(CONNECTION, name='BuyerSeller', cardinality='OneToMany'))
    assert not failed and result['changed']
    put = body_sent(1)
    assert put == {
        'profileType': 'Contact', 'relatedProfileType': 'Contact', 'cardinality': 'OneToMany',
        'fields': [hub_field('LastPurchase', 'Edm.DateTimeOffset', isRequired=True)], 'lookupMappings': [],
        'displayName': {'en-us': 'Buyer and seller'}}
    assert not READ_ONLY_KEYS & set(put)


@responses.activate
def test_check_mode_sends_only_the_get_and_predicts_the_result(run_module):
    responses.get(RELATIONSHIP, json=hub_relationship(cardinality='OneToOne'))
    result, failed = run_module(relationship, dict(CREATE, cardinality='ManyToMany'), check_mode=True)
    assert not failed and result['changed'] and len(responses.calls) == 1
    assert result['relationship']['cardinality'] == 'ManyToMany'
    assert result['relationship']['relationship_guid_id'] == '3f2a9c4e-7b1d-4e8a-9c6f-1d2e3f4a5b6c'
    assert 'diff' not in result


@responses.activate
def test_diff_shows_the_writable_fields_before_and_after(run_module):
    responses.get(RELATIONSHIP, json=hub_relationship(cardinality='OneToOne'))
    responses.put(RELATIONSHIP, json=hub_relationship(cardinality='OneToMany'))
    result, failed = run_module(relationship, dict(CREATE, cardinality='OneToMany'), diff=True)
    assert not failed and result['changed']
    unchanged = dict(profile_type='Contact', related_profile_type='Contact', fields=[], lookup_mappings=[])
    assert result['diff'] == dict(before=dict(unchanged, cardinality='OneToOne'), after=dict(unchanged, cardinality='OneToMany'))


@responses.activate
def test_a_new_relationship_in_check_and_diff_mode(run_module):
    responses.get(RELATIONSHIP, status=404)
    result, failed = run_module(relationship, CREATE, check_mode=True, diff=True)
    assert not failed and result['changed'] and len(responses.calls) == 1
    assert result['diff'] == dict(before={}, after=dict(profile_type='Contact', related_profile_type='Contact'))
    assert result['id'] is None and result['relationship']['name'] == 'BuyerSeller'


@responses.activate
def test_creating_needs_both_profile_types(run_module):
    responses.get(RELATIONSHIP, status=404)
    result, failed = run_module(relationship, dict(CONNECTION, name='BuyerSeller', profile_type='Contact'))
    assert failed and result['msg'] == ('Relationship BuyerSeller does not exist yet, and creating it needs profile_type, '
                                        'related_profile_type; missing: related_profile_type.')
    assert requests_sent() == [('GET', RELATIONSHIP)]


@responses.activate
def test_a_bad_expiry_or_name_fails_before_any_request(run_module):
    result, failed = run_module(relationship, dict(CREATE, expiry_date_time_utc='2030-01-01'))
    assert failed and 'expiry_date_time_utc must be an ISO 8601 date and time' in result['msg']
    result, failed = run_module(relationship, dict(CREATE, name='Buyer-Seller'))
    assert failed and "name 'Buyer-Seller' is invalid" in result['msg']
    assert len(responses.calls) == 0 and result['request_count'] == 0


@responses.activate
def test_a_reference_the_hub_refuses_fails_with_its_code_and_message(run_module):
    responses.get(RELATIONSHIP, status=404)
    responses.put(RELATIONSHIP, status=400, json={'error': {
        'code': 'InvalidReference',
        'message': "The relationship 'BuyerSeller' refers to what does not exist: profileType: profile 'Contact' does not exist"}})
    result, failed = run_module(relationship, CREATE)
    assert failed and result['changed'] is False and result['status'] == 400
    assert "InvalidReference: The relationship 'BuyerSeller' refers to what does not exist" in result['msg']
    assert ACTIVITY_KEYS <= set(result)


@responses.activate
def test_absent_deletes_and_reports_the_id_it_had(run_module):
    responses.get(RELATIONSHIP, json=hub_relationship())
    responses.delete(RELATIONSHIP, status=200)
    result, failed = run_module(relationship, dict(CONNECTION, name='BuyerSeller', state='absent'), diff=True)
    assert not failed and result['changed'] and result['id'] == '/x/relationships/BuyerSeller'
    assert requests_sent() == [('GET', RELATIONSHIP), ('DELETE', RELATIONSHIP)]
    assert result['relationship'] == {} and result['diff']['after'] == {}
    assert result['diff']['before']['profile_type'] == 'Contact'


@responses.activate
def test_absent_leaves_a_missing_relationship_alone(run_module):
    responses.get(RELATIONSHIP, status=404)
    result, failed = run_module(relationship, dict(CONNECTION, name='BuyerSeller', state='absent'))
    assert not failed and not result['changed'] and len(responses.calls) == 1


@responses.activate
def test_absent_in_check_mode_sends_no_delete(run_module):
    responses.get(RELATIONSHIP, json=hub_relationship())
    result, failed = run_module(relationship, dict(CONNECTION, name='BuyerSeller', state='absent'), check_mode=True)
    assert not failed and result['changed'] and len(responses.calls) == 1


@responses.activate
def test_a_delete_the_hub_refuses_is_no_change(run_module):
    responses.get(RELATIONSHIP, json=hub_relationship())
    responses.delete(RELATIONSHIP, status=409, json={'error': {
        'code': 'Conflict', 'message': "The relationship 'BuyerSeller' cannot be deleted: it is still referenced by relationship link 'PurchaseLink'"}})
    result, failed = run_module(relationship, dict(CONNECTION, name='BuyerSeller', state='absent'))
    assert failed and result['changed'] is False and result['status'] == 409
    assert "Conflict: The relationship 'BuyerSeller' cannot be deleted" in result['msg']


@responses.activate
def test_a_failure_after_the_hub_accepted_the_write_is_a_change(run_module):
    responses.get(RELATIONSHIP, status=404)
    responses.put(RELATIONSHIP, json=hub_relationship(state='Failed'))
    result, failed = run_module(relationship, CREATE)
    assert failed and result['changed'] is True
    assert 'ended in state Failed' in result['msg'] and ACTIVITY_KEYS <= set(result)


@responses.activate
def test_info_follows_every_page(run_module):
    page_two = RELATIONSHIPS + '&$skiptoken=1'
    responses.get(RELATIONSHIPS, json={'value': [hub_relationship('BuyerSeller')], 'nextLink': page_two})
    responses.get(page_two, json={'value': [hub_relationship('CustomerToStore', profileType='Customer', relatedProfileType='Store')]})
    result, failed = run_module(relationship_info, CONNECTION)
    assert not failed and not result['changed']
    assert requests_sent() == [('GET', RELATIONSHIPS), ('GET', page_two)]
    assert [(item['name'], item['profile_type'], item['related_profile_type']) for item in result['relationships']] == [
        ('BuyerSeller', 'Contact', 'Contact'), ('CustomerToStore', 'Customer', 'Store')]
    assert result['relationships'][0]['hub_tenant_id'] == 'myhub' and result['request_count'] == 2


@responses.activate
def test_info_by_name_is_one_get(run_module):
    responses.get(RELATIONSHIP, json=hub_relationship(cardinality='OneToOne'))
    result, failed = run_module(relationship_info, dict(CONNECTION, name='BuyerSeller'))
    assert not failed and len(result['relationships']) == 1
    item = result['relationships'][0]
    # Every writable field is there, null where the hub holds nothing: an item can be fed back.
    assert item['expiry_date_time_utc'] is None and item['cardinality'] == 'OneToOne'
    assert requests_sent() == [('GET', RELATIONSHIP)]


@responses.activate
def test_info_by_name_of_a_missing_relationship_is_empty(run_module):
    responses.get(RELATIONSHIP, status=404)
    result, failed = run_module(relationship_info, dict(CONNECTION, name='BuyerSeller'))
    assert not failed and result['relationships'] == [] and len(responses.calls) == 1


@responses.activate
def test_an_info_item_fed_back_changes_nothing(run_module):
    answer = hub_relationship(cardinality='OneToMany', fields=[hub_field('LastPurchase')], expiryDateTimeUtc='2030-01-01T00:00:00Z',
                              lookupMappings=[dict(fieldMappings=[dict(profileFieldName='ReferrerId', relatedProfileKeyProperty='ContactId')])])
    responses.get(RELATIONSHIP, json=answer)
    item = run_module(relationship_info, dict(CONNECTION, name='BuyerSeller'))[0]['relationships'][0]
    options = set(relationship.MODEL.module_argspec())
    # As the info module's docs say: the option keys that hold a value.
    given_back = dict((key, value) for key, value in item.items() if key in options and value is not None)
    result, failed = run_module(relationship, dict(CONNECTION, **given_back))
    assert not failed and not result['changed'] and len(responses.calls) == 2
