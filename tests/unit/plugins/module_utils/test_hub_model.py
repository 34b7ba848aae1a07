# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The profile, interaction and relationship tables against Microsoft's published example answers."""

from __future__ import annotations

import re

import pytest

from ansible_collections.customerinsights.hub.plugins.module_utils._client import HubShapeError
from ansible_collections.customerinsights.hub.plugins.module_utils._hub_model import INTERACTION, PROFILE, RELATIONSHIP
from ansible_collections.customerinsights.hub.plugins.module_utils._model import ResourceModel, snake_case
from ansible_collections.customerinsights.hub.plugins.module_utils._module import generate_argspec
from ansible_collections.customerinsights.hub.plugins.module_utils._relationship_link import RELATIONSHIP_LINK

MODELS = dict(profile=PROFILE, interaction=INTERACTION, relationship=RELATIONSHIP)


def field(name, field_type='Edm.String', **more):
    """A task's field item: sub-options it leaves out are None, as AnsibleModule gives them."""
    item = dict((option.option, None) for option in PROFILE.fields[1].item_fields)
    item.update(field_name=name, field_type=field_type, **more)
    return item


@pytest.mark.parametrize('kind', sorted(MODELS))
def test_the_example_answer_passes_the_shape_check_and_is_described(fixture_json, kind):
    model = MODELS[kind]
    answer = fixture_json('%s_arm.json' % kind)
    assert model.check_shape('GET', 'https://hub/x', answer) is answer
    described = model.describe(answer)
    assert described['name'] == answer['name'].split('/')[-1]
    assert described['hub_tenant_id'] == answer['properties']['tenantId']
    for key in described:
        assert key == snake_case(key), key


@pytest.mark.parametrize('kind', sorted(MODELS))
def test_the_example_answer_is_unchanged_against_itself(fixture_json, kind):
    model = MODELS[kind]
    current = model.current(fixture_json('%s_arm.json' % kind))
    assert model.differences(current, current) == []


def test_read_only_parts_come_back_snake_case_at_every_level(fixture_json):
    described = INTERACTION.describe(fixture_json('interaction_arm.json'))
    assert described['default_data_source']['data_source_reference_id'] == '70'
    rules = described['fields'][1]['data_source_precedence_rules']
    assert rules[0]['data_source']['data_source_type'] == 'Connector'
    assert described['entity_type'] == 'Interaction' and described['instances_count'] == 0


def test_no_returned_key_takes_the_name_of_an_option_of_another_meaning(fixture_json):
    every_option = set(generate_argspec())
    for model in list(MODELS.values()) + [RELATIONSHIP_LINK]:
        every_option |= set(model.module_argspec())
    # relationshipName of a relationship is its own name: the same meaning as relationship_link's option.
    same_meaning = {'name', 'relationship_name'}
    for kind, model in MODELS.items():
        described = model.describe(fixture_json('%s_arm.json' % kind))
        own = set(model.resource_argspec())
        assert (set(described) - own - same_meaning) & every_option == set(), kind


def test_server_filled_field_values_never_make_a_change(fixture_json):
    current = PROFILE.current(fixture_json('profile_arm.json'))
    # The task gives the fields without is* flags or propertyId: the hub's false flags and id1 match.
    desired = dict(fields=[field(item['field_name'], item['field_type']) for item in current['fields']])
    assert PROFILE.differences(desired, current) == []
    merged = PROFILE.merged(desired, current)
    assert merged['fields'][0]['property_id'] == 'id1' and merged['fields'][0]['is_required'] is True


def test_a_given_flag_is_compared_and_false_equals_left_out():
    current = dict(fields=[dict(field_name='Id', field_type='Edm.String')])
    assert PROFILE.differences(dict(fields=[field('Id', is_array=False)]), current) == []
    assert PROFILE.differences(dict(fields=[field('Id', is_array=True)]), current) == ['fields']


def test_a_changed_field_keeps_the_hubs_values_of_what_the_task_left_out():
    current = PROFILE.current(dict(properties=dict(fields=[
        dict(fieldName='Id', fieldType='Edm.String', isRequired=True, isName=False, propertyId='id7'),
        dict(fieldName='Email', fieldType='Edm.String', isRequired=False, propertyId='id8')])))
    desired = dict(fields=[field('Id', is_name=True), field('Email', 'Edm.Int32'), field('Phone')])
    assert PROFILE.differences(desired, current) == ['fields']
    merged = dict((item['field_name'], item) for item in PROFILE.merged(desired, current)['fields'])
    # The field named Id is the hub's Id: a new isName, its isRequired and propertyId kept.
    assert (merged['Id']['is_name'], merged['Id']['is_required'], merged['Id']['property_id']) == (True, True, 'id7')
    assert (merged['Email']['field_type'], merged['Email']['property_id']) == ('Edm.Int32', 'id8')
    # A new field takes nothing from another one.
    assert merged['Phone']['property_id'] is None and merged['Phone']['is_required'] is None


def test_a_strong_id_with_new_keys_keeps_its_texts():
    current = PROFILE.current(dict(properties=dict(strongIds=[
        dict(strongIdName='Key', keyPropertyNames=['A'], displayName={'en-us': 'Key'})])))
    desired = dict(strong_ids=[dict(strong_id_name='Key', key_property_names=['A', 'B'], display_name=None, description=None)])
    assert PROFILE.merged(desired, current)['strong_ids'] == [
        dict(strong_id_name='Key', key_property_names=['A', 'B'], display_name={'en-us': 'Key'}, description=None)]


def test_key_property_names_is_said_to_be_no_secret():
    # validate-modules takes any option with "key" in its name for a secret unless no_log is set.
    assert PROFILE.resource_argspec()['strong_ids']['options']['key_property_names']['no_log'] is False
    assert 'no_log' not in PROFILE.resource_argspec()['api_entity_set_name']


def test_string_lists_are_unordered_and_nested_items_too():
    current = RELATIONSHIP.current(dict(properties=dict(lookupMappings=[dict(fieldMappings=[
        dict(profileFieldName='a', relatedProfileKeyProperty='x'), dict(profileFieldName='b', relatedProfileKeyProperty='y')])])))
    reordered = [dict(field_mappings=[dict(profile_field_name='b', related_profile_key_property='y'),
                                      dict(profile_field_name='a', related_profile_key_property='x')])]
    assert RELATIONSHIP.differences(dict(lookup_mappings=reordered), current) == []
    changed = [dict(field_mappings=[dict(profile_field_name='b', related_profile_key_property='z')])]
    assert RELATIONSHIP.differences(dict(lookup_mappings=changed), current) == ['lookup_mappings']
    strong = PROFILE.current(dict(strongIds=[dict(strongIdName='K', keyPropertyNames=['A', 'B'])]))
    given = dict(strong_ids=[dict(strong_id_name='K', key_property_names=['B', 'A'], display_name=None, description=None)])
    assert PROFILE.differences(given, strong) == []


def test_nested_bodies_are_camel_case_without_unset_sub_keys():
    options = dict(participant_profiles=[dict(participant_name='Buyer', profile_type_name='Contact', role=None,
                                              display_name=None, description=None,
                                              participant_property_references=[dict(source_property_name='BuyerId',
                                                                                    target_property_name='ContactId')])],
                   is_activity=False, id_property_names=['PurchaseId'])
    assert INTERACTION.to_body(options) == dict(
        participantProfiles=[dict(participantName='Buyer', profileTypeName='Contact', participantPropertyReferences=[
            dict(sourcePropertyName='BuyerId', targetPropertyName='ContactId')])],
        isActivity=False, idPropertyNames=['PurchaseId'])


def test_is_activity_can_only_be_set_at_creation():
    assert INTERACTION.create_only_changes(dict(is_activity=True), dict(is_activity=False)) == [
        'is_activity can only be set when the interaction is created: the hub holds false, the task asks for true']
    assert INTERACTION.create_only_changes(dict(is_activity=False), {}) == []
    assert INTERACTION.create_only_changes(dict(description={'en-us': 'x'}), dict(is_activity=True)) == []


def test_interactions_cannot_be_deleted():
    problems = INTERACTION.input_problems(dict(name='Purchase', state='absent'))
    assert problems == ['state=absent is not possible: the Hub API cannot delete interactions (it has no DELETE for them)']
    assert PROFILE.input_problems(dict(name='Contact', state='absent')) == []


def test_name_rules_follow_the_schema():
    assert PROFILE.name_problem('a' * 128) is None
    assert 'at most 128' in PROFILE.name_problem('a' * 129)
    assert RELATIONSHIP.name_problem('a' * 512) is None
    assert 'invalid' in INTERACTION.name_problem('my-interaction')


def test_nested_locale_maps_are_checked_before_any_request():
    params = dict(name='Contact', strong_ids=[dict(strong_id_name='K', key_property_names=['A'], display_name={'en-us': 3},
                                                   description=None)], attributes={'colour': 'red'})
    assert sorted(PROFILE.input_problems(params)) == [
        'attributes must map names to lists of strings; not a list of strings: colour',
        'strong_ids[0].display_name must map locale codes to strings (e.g. {en-us: "Text"}); not a string: en-us']


@pytest.mark.parametrize('kind, key, value, message', [
    ('profile', 'fields', [dict(fieldName='a', fieldType='Edm.String', isArray='no')], 'fields[0].isArray must be a boolean, not a string'),
    ('profile', 'fields', [dict(fieldName='a', fieldType='Edm.String', maxLength='9')], 'fields[0].maxLength must be an integer, not a string'),
    ('profile', 'strongIds', [dict(strongIdName='K', keyPropertyNames='A')], 'strongIds[0].keyPropertyNames must be a list of strings, not a string'),
    ('profile', 'attributes', {'a': 'b'}, 'attributes must be a JSON object of lists of strings, not an object'),
    ('profile', 'localizedAttributes', {'a': 'b'}, 'localizedAttributes must be a JSON object of locale maps, not an object'),
    ('profile', 'entityType', 3, 'entityType must be a string, not a number'),
    ('interaction', 'isActivity', 'yes', 'isActivity must be a boolean, not a string'),
    ('interaction', 'participantProfiles', [dict(participantName='P', profileTypeName='C', participantPropertyReferences={})],
     'participantProfiles[0].participantPropertyReferences must be a list of JSON objects, not an object'),
    ('relationship', 'lookupMappings', [dict(fieldMappings=[dict(profileFieldName=1)])],
     'lookupMappings[0].fieldMappings[0].profileFieldName must be a string, not a number'),
    ('relationship', 'relationshipName', [], 'relationshipName must be a string, not a list'),
])
def test_mistyped_nested_fields_are_named(fixture_json, kind, key, value, message):
    answer = fixture_json('%s_arm.json' % kind)
    answer['properties'][key] = value
    with pytest.raises(HubShapeError, match=r'properties\.' + message.replace('[', r'\[').replace(']', r'\]')):
        MODELS[kind].check_shape('GET', 'https://hub/x', answer)


def test_related_profile_key_property_is_said_to_be_no_secret():
    # validate-modules takes any option with "key" in its name for a secret unless no_log is set.
    field_mappings = RELATIONSHIP.resource_argspec()['lookup_mappings']['options']['field_mappings']['options']
    assert field_mappings['related_profile_key_property']['no_log'] is False
    assert 'no_log' not in field_mappings['profile_field_name']


@pytest.mark.parametrize('kind, key, value, message', [
    ('profile', 'instancesCount', 'many', 'instancesCount must be an integer, not a string'),
    ('profile', 'lastChangedUtc', 5, 'lastChangedUtc must be a string, not a number'),
    ('interaction', 'defaultDataSource', 'x', 'defaultDataSource must be a JSON object, not a string'),
    ('interaction', 'dataSourcePrecedenceRules', 'x', 'dataSourcePrecedenceRules must be a list of JSON objects, not a string'),
    ('interaction', 'dataSourcePrecedenceRules', ['x'], r'dataSourcePrecedenceRules\[0\] must be a JSON object, not a string'),
    ('relationship', 'relationshipGuidId', 7, 'relationshipGuidId must be a string, not a number'),
])
def test_mistyped_read_only_parts_are_named_too(fixture_json, kind, key, value, message):
    answer = fixture_json('%s_arm.json' % kind)
    answer['properties'][key] = value
    with pytest.raises(HubShapeError, match=r'properties\.' + message):
        MODELS[kind].check_shape('GET', 'https://hub/x', answer)


def test_a_table_may_give_its_own_name_rule():
    policy = ResourceModel('policy', 'policy', 'policies', ('manage', 'sas', 'policies'), (), (), 50,
                           name_pattern=re.compile(r'^[A-Za-z0-9][\w.-]*$'), name_rule='letters, digits, _ . - only')
    assert policy.name_problem('a.b-c') is None
    assert policy.name_problem('a b') == "name 'a b' is invalid: letters, digits, _ . - only (pattern ^[A-Za-z0-9][\\w.-]*$)"
