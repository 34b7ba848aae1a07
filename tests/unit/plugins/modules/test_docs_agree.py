# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""For every module: DOCUMENTATION options, the argspec and the resource's field table agree.

The argspec is generated from the field table, so a sub-option added to the table but not to the
docs (or documented but not in the table) fails here, at every level. The documented options are
those ansible-doc shows: the module's own plus those of its doc fragments (connection, auth, the
shared hub-model options), so a fragment is checked against the argspec too.
"""

from __future__ import annotations

import importlib
import os

import pytest
import yaml

from ansible_collections.customerinsights.hub.plugins.module_utils._module import generate_argspec

MODULES_DIR = os.path.join(os.path.dirname(__file__), '..', '..', '..', '..', 'plugins', 'modules')
MODULE_NAMES = sorted(name[:-3] for name in os.listdir(MODULES_DIR) if name.endswith('.py') and name != '__init__.py')
FRAGMENT_PREFIX = 'customerinsights.hub.'


def load(name):
    return importlib.import_module('ansible_collections.customerinsights.hub.plugins.modules.%s' % name)


def module_argspec(name):
    model = load(name).MODEL
    return model.info_argspec() if name.endswith('_info') else model.module_argspec()


def fragment_options(slug):
    """The options of a doc fragment of this collection, named as in extends_documentation_fragment.

    customerinsights.hub.NAME is the DOCUMENTATION of plugins/doc_fragments/NAME.py and
    customerinsights.hub.NAME.PART its PART (upper-cased), as ansible-doc reads them. (Module unit
    tests cannot import ansible's fragment loader: ansible-test gives them module_utils only.)
    """
    assert slug.startswith(FRAGMENT_PREFIX), '%s is not a fragment of this collection' % slug
    name, _dot, part = slug[len(FRAGMENT_PREFIX):].partition('.')
    fragments = importlib.import_module('ansible_collections.customerinsights.hub.plugins.doc_fragments.%s' % name)
    return yaml.safe_load(getattr(fragments.ModuleDocFragment, (part or 'documentation').upper())).get('options') or {}


def documented_options(name):
    """The options ansible-doc shows for a module: its DOCUMENTATION's and those of its doc fragments."""
    doc = yaml.safe_load(load(name).DOCUMENTATION)
    options = dict(doc['options'])
    for slug in doc.get('extends_documentation_fragment', []):
        from_fragment = fragment_options(slug)
        assert not set(from_fragment) & set(options), 'options documented twice: %s' % (set(from_fragment) & set(options))
        options.update(from_fragment)
    return options


def disagreements(documented, specified, where=''):
    """Every difference between documented options and an argspec, recursively."""
    found = []
    for option in sorted(set(documented) | set(specified)):
        path = where + option
        if option not in specified:
            found.append('%s: documented, not in the argspec' % path)
            continue
        if option not in documented:
            found.append('%s: in the argspec, not documented' % path)
            continue
        doc, spec = documented[option], specified[option]
        for key, default in (('type', 'str'), ('elements', None), ('required', False), ('choices', None), ('default', None)):
            if doc.get(key, default) != spec.get(key, default):
                found.append('%s: %s is %r in the docs, %r in the argspec' % (path, key, doc.get(key, default), spec.get(key, default)))
        if doc.get('suboptions') or spec.get('options'):
            found.extend(disagreements(doc.get('suboptions') or {}, spec.get('options') or {}, path + '.'))
    return found


@pytest.mark.parametrize('name', MODULE_NAMES)
def test_documentation_argspec_and_field_table_agree(name):
    # generate_argspec adds the connection and auth options, as HubModule does.
    assert disagreements(documented_options(name), generate_argspec(**module_argspec(name))) == []


@pytest.mark.parametrize('name', [name for name in MODULE_NAMES if not name.endswith('_info')])
def test_every_field_of_the_table_is_an_option(name):
    model = load(name).MODEL
    assert set(model.resource_argspec()) == set(field.option for field in model.fields)
    assert set(model.resource_argspec()) <= set(module_argspec(name))


def test_the_comparison_catches_a_missing_sub_option():
    documented = dict(items=dict(type='list', elements='dict', suboptions=dict(a=dict(type='str'))))
    specified = dict(items=dict(type='list', elements='dict', options=dict(a=dict(type='str'), b=dict(type='bool'))))
    assert disagreements(documented, specified) == ['items.b: in the argspec, not documented']


def test_every_module_is_checked():
    assert 'relationship_link' in MODULE_NAMES and 'relationship_link_info' in MODULE_NAMES


def test_the_options_of_doc_fragments_are_documented_options():
    assert set(fragment_options('customerinsights.hub.hub_model.fields')) == {'fields'}
    assert {'fields', 'hub_endpoint', 'sas_key', 'profile_type'} <= set(documented_options('relationship'))
