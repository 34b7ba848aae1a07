#!/usr/bin/env python
# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Derive the Hub data-plane variant of Microsoft's published ARM definitions, for Prism.

Input: tests/contract/spec/hub_model_swagger_extract.json, a verbatim extract of
Azure/azure-rest-api-specs customer-insights 2017-04-26 (profiles, interactions, relationships,
relationshipLinks). Output: a Swagger 2.0 document that Prism can serve as the Hub API that the
collection talks to. The transformations are mechanical and listed here, one by one; everything
else (every definition, every request schema: required fields, enums, patterns, maxLength of the
path names, readOnly markers; every response) is copied unchanged.

T1  Paths. ``/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/
    Microsoft.CustomerInsights/hubs/{hubName}/<rest>`` becomes ``/manage/model/<rest>`` (item, list
    and POST paths alike): the Hub API serves the same resources under its own endpoint
    (reference: hub_api_notes.md section 1). A path without that prefix is an error.
T2  Parameters. The ``subscriptionId`` (``#/parameters/SubscriptionIdParameter``),
    ``resourceGroupName`` and ``hubName`` path parameters are dropped: the hub endpoint names them.
    ``#/parameters/SubscriptionIdParameter`` goes from the shared parameters as well.
T3  Bodies. A body parameter whose schema is a ``$ref`` to a ``...ResourceFormat`` (the ARM
    envelope ``{id, name, type, properties}``) gets, instead, the schema of that envelope's
    ``properties`` member (``ProfileTypeDefinition``, ``InteractionTypeDefinition``,
    ``RelationshipDefinition``, ``RelationshipLinkDefinition``): the Hub API takes the definition
    itself, flat, as the Hub docs show and as the collection sends it (hub_api_notes.md A1;
    tests/hub_emulator/README.md). Responses keep the ARM envelope, as the Hub list doc shows.
T4  Security. ``azure_auth`` (AAD implicit flow, meant for management.azure.com) is replaced by an
    ``apiKey`` scheme in the ``Authorization`` header, required on every operation: the Hub takes a
    ``SharedAccessSignature ...`` (or ``Bearer ...``) value there. Prism then refuses a request
    without that header but cannot check the signature.
T5  Host. ``host`` is dropped and ``schemes`` becomes ``[http]``: the document is served by Prism
    on 127.0.0.1 over plain HTTP, for any hub.
T6  Examples. ``x-ms-examples`` are dropped: their ``$ref``s point at files beside Microsoft's
    spec, which a resolver would try to load.
T7  A missing resource (``--empty-hub`` only). A mock has no state: every GET of one resource
    answers Prism's mock of the 200 body. The variant for an empty hub, served by a second Prism,
    answers GET of one resource with ``404`` only, the Hub's answer for a resource that does not
    exist (undocumented by Microsoft: hub_api_notes.md A11; the emulator and the modules rely on
    it). There the modules' create path (GET 404, then PUT of the task's options alone) and the
    no-op delete reach Prism; every request schema is the same in both variants.
T8  Request schemas are closed. Microsoft's definitions leave objects open and mark server-set
    fields ``readOnly: true``; Prism drops readOnly properties from a request schema and accepts
    any unknown key, so a misspelt key or a read-only field in a request would pass unseen. Each
    body parameter therefore refers to a request copy ``<Definition>.request`` of its definition,
    and of every definition it reaches: ``allOf`` members merged in (properties and required
    lists), every ``readOnly`` property replaced by ``{"not": {}}`` (sending it is a violation),
    and ``additionalProperties: false`` on every object that has ``properties`` (a key Microsoft
    does not define is a violation). Types, enums, patterns, formats and required lists are
    copied unchanged, and responses keep Microsoft's definitions as they are.

Usage: derive_hub_spec.py [--empty-hub] SOURCE.json OUT.json
"""

from __future__ import annotations

import copy
import json
import re
import sys

ARM_PREFIX = re.compile(r'^/subscriptions/\{subscriptionId\}/resourceGroups/\{resourceGroupName\}'
                        r'/providers/Microsoft\.CustomerInsights/hubs/\{hubName\}/(?P<rest>.+)$')
HUB_PREFIX = '/manage/model/'
ARM_PATH_PARAMETERS = ('subscriptionId', 'resourceGroupName', 'hubName')
SUBSCRIPTION_PARAMETER_REF = '#/parameters/SubscriptionIdParameter'
HUB_SECURITY_NAME = 'hub_authorization'
HTTP_METHODS = ('get', 'put', 'post', 'delete', 'patch', 'head', 'options')
REQUEST_SUFFIX = '.request'
FORBIDDEN = 'readOnly in Microsoft\'s definition: set by the server, never sent (derive_hub_spec.py T8)'
MISSING_RESPONSE = {'404': {'description': 'Not found: the hub has no resource of that name.'}}


class DerivationError(Exception):
    pass


def definition_name(ref):
    if not ref.startswith('#/definitions/'):
        raise DerivationError('unexpected $ref %r' % ref)
    return ref[len('#/definitions/'):]


def hub_path(arm_path):
    """T1."""
    match = ARM_PREFIX.match(arm_path)
    if not match:
        raise DerivationError('path %r is not an ARM path of a hub' % arm_path)
    return HUB_PREFIX + match.group('rest')


def is_arm_path_parameter(parameter):
    """T2."""
    if parameter.get('$ref') == SUBSCRIPTION_PARAMETER_REF:
        return True
    return parameter.get('in') == 'path' and parameter.get('name') in ARM_PATH_PARAMETERS


def flat_body_schema(schema, definitions):
    """T3: the schema of the envelope's `properties` member, or the schema unchanged."""
    ref = schema.get('$ref', '')
    if not ref.endswith('ResourceFormat'):
        return schema
    envelope = definitions[definition_name(ref)]
    inner = envelope.get('properties', {}).get('properties')
    if not inner or '$ref' not in inner:
        raise DerivationError('%s has no `properties` member that refers to a definition' % ref)
    return {'$ref': inner['$ref']}


class RequestSchemas:
    """T8: closed request copies of the definitions a request body reaches."""

    def __init__(self, definitions):
        self.definitions = definitions
        self.copies = {}

    def ref(self, ref):
        name = definition_name(ref)
        if name not in self.copies:
            self.copies[name] = None  # a cycle refers to the copy being made
            self.copies[name] = self.closed(name)
        return '#/definitions/' + name + REQUEST_SUFFIX

    def flattened(self, name):
        """The definition with its allOf members merged in (properties and required lists)."""
        schema = copy.deepcopy(self.definitions[name])
        for member in schema.pop('allOf', []):
            if set(member) != {'$ref'}:
                raise DerivationError('%s: allOf member %r is not a plain $ref' % (name, member))
            parent = self.flattened(definition_name(member['$ref']))
            schema['properties'] = dict(parent.get('properties', {}), **schema.get('properties', {}))
            required = parent.get('required', []) + schema.get('required', [])
            if required:
                schema['required'] = required
        return schema

    def closed(self, name):
        schema = self.flattened(name)
        if 'properties' not in schema:
            return self.rewrite(schema)
        properties = {}
        for key, value in schema['properties'].items():
            if value.get('readOnly') is True:
                if key in schema.get('required', []):
                    raise DerivationError('%s.%s is both required and readOnly' % (name, key))
                properties[key] = {'not': {}, 'description': FORBIDDEN}
            else:
                properties[key] = self.rewrite(value)
        schema['properties'] = properties
        schema['additionalProperties'] = False
        return schema

    def rewrite(self, node):
        """Point every $ref below node at the request copy."""
        if isinstance(node, list):
            return [self.rewrite(item) for item in node]
        if not isinstance(node, dict):
            return node
        return dict((key, self.ref(value) if key == '$ref' else self.rewrite(value)) for key, value in node.items())

    def add_to(self, definitions):
        for name, schema in self.copies.items():
            definitions[name + REQUEST_SUFFIX] = schema


def hub_operation(operation, definitions, request_schemas):
    operation = copy.deepcopy(operation)
    operation.pop('x-ms-examples', None)  # T6
    parameters = []
    for parameter in operation.get('parameters', []):
        if is_arm_path_parameter(parameter):
            continue
        if parameter.get('in') == 'body':
            parameter['schema'] = request_schemas.rewrite(flat_body_schema(parameter['schema'], definitions))
        parameters.append(parameter)
    operation['parameters'] = parameters
    return operation


def is_item_path(path):
    return path.endswith('}')


def derive(source, empty_hub=False):
    spec = copy.deepcopy(source)
    definitions = spec['definitions']
    request_schemas = RequestSchemas(source['definitions'])
    paths = {}
    for arm_path, path_item in source['paths'].items():
        paths[hub_path(arm_path)] = dict(
            (key, hub_operation(value, definitions, request_schemas) if key in HTTP_METHODS else value)
            for key, value in path_item.items())
    if empty_hub:  # T7
        for path, item in paths.items():
            if is_item_path(path) and 'get' in item:
                item['get']['responses'] = copy.deepcopy(MISSING_RESPONSE)
    spec['paths'] = paths
    request_schemas.add_to(definitions)
    spec['parameters'].pop(SUBSCRIPTION_PARAMETER_REF.rsplit('/', 1)[1], None)  # T2
    spec['securityDefinitions'] = {HUB_SECURITY_NAME: {  # T4
        'type': 'apiKey', 'in': 'header', 'name': 'Authorization',
        'description': 'SharedAccessSignature sr=...&sig=...&se=...&skn=... or Bearer <AAD token>.'}}
    spec['security'] = [{HUB_SECURITY_NAME: []}]
    spec.pop('host', None)  # T5
    spec['schemes'] = ['http']
    spec['info'] = dict(spec['info'], title=spec['info']['title'] + ' (Hub data-plane variant, derived)')
    spec['x-derived-by'] = 'tools/contract/derive_hub_spec.py (transformations T1-T8 in its docstring)'
    return spec


def main(argv):
    empty_hub = '--empty-hub' in argv
    args = [arg for arg in argv[1:] if arg != '--empty-hub']
    if len(args) != 2:
        sys.stderr.write(__doc__.rsplit('\n\n', maxsplit=1)[-1] + '\n')
        return 2
    with open(args[0]) as handle:
        source = json.load(handle)
    try:
        derived = derive(source, empty_hub)
    except (DerivationError, KeyError) as exc:
        sys.stderr.write('%s: cannot derive the Hub variant: %s\n' % (args[0], exc))
        return 1
    with open(args[1], 'w') as handle:
        json.dump(derived, handle, indent=1)
        handle.write('\n')
    operations = sum(1 for item in derived['paths'].values() for key in item if key in HTTP_METHODS)
    variant = ' (empty hub: GET of one resource answers 404)' if empty_hub else ''
    print('%s: %d paths, %d operations%s' % (args[1], len(derived['paths']), operations, variant))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
