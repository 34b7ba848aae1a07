#!/usr/bin/env python
# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Soak: many relationship_link tasks over a few links with injected transient faults.

Runs one playbook of --tasks tasks over --links links against the Hub emulator. Before a share of
the tasks (--fault-share) it arms a random transient fault (429/500/502/503/504 answers, dropped or
truncated connections) on the next GET or PUT. Afterwards the hub must hold exactly the desired
state, and a second pass of the final tasks must report no change. It prints the figures and exits
non-zero when either check fails. Not a timed test: the times are printed, never asserted.

Usage: tools/soak.py --collections-path build/collections [--tasks 200] [--links 20] [--fault-share 0.25] [--seed 1]
"""

from __future__ import annotations

import argparse
import os
import random
import sys

from hub_tools import ROOT_KEY, ROOT_POLICY, admin, playbook_env, run_playbook, running_emulator, write_playbook

FAULTS = (
    dict(status=429, retry_after='0'), dict(status=500, retry_after='0'), dict(status=502, retry_after='0'),
    dict(status=503, retry_after='0'), dict(status=504, retry_after='0'), dict(action='drop'), dict(action='truncate'),
)


def desired_link(index, version):
    return dict(
        name='SoakLink%02d' % index,
        interaction_type='WebPurchase',
        relationship_name='CustomerToStore',
        profile_property_references=[dict(interaction_property_name='CustomerId', profile_property_name='ProfileId')],
        related_profile_property_references=[dict(interaction_property_name='StoreId', profile_property_name='ProfileId')],
        mappings=[dict(interaction_field_name='Field%d' % (version % 3), relationship_field_name='LastPurchase', link_type='UpdateAlways')],
        description={'en-us': 'version %d' % version},
    )


def link_task(endpoint, link):
    args = dict(link, hub_endpoint=endpoint, sas_policy_name=ROOT_POLICY, sas_key=ROOT_KEY)
    return {'name': 'Link %s' % link['name'], 'customerinsights.hub.relationship_link': args}


def arm_fault_task(endpoint, rng):
    rule = dict(rng.choice(FAULTS), count=rng.choice((1, 2)), methods=[rng.choice(('GET', 'PUT'))])
    uri = dict(url='%s/_emulator/faults' % endpoint, method='POST', body_format='json', body=rule)
    return {'name': 'Arm a fault', 'ansible.builtin.uri': uri}


def stored_matches(stored, link):
    """Whether the hub's stored definition holds exactly the desired writable fields."""
    properties = stored['properties']
    return (properties.get('description') == link['description']
            and properties.get('interactionType') == link['interaction_type']
            and properties.get('mappings') == [dict(interactionFieldName=m['interaction_field_name'],
                                                    relationshipFieldName=m['relationship_field_name'],
                                                    linkType=m['link_type']) for m in link['mappings']])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--collections-path', required=True)
    parser.add_argument('--tasks', type=int, default=200)
    parser.add_argument('--links', type=int, default=20)
    parser.add_argument('--fault-share', type=float, default=0.25)
    parser.add_argument('--seed', type=int, default=1)
    options = parser.parse_args()
    rng = random.Random(options.seed)

    with running_emulator() as (endpoint, workdir):
        tasks, final, armed = [], {}, 0
        for number in range(options.tasks):
            index = number % options.links + 1
            # Every other round repeats the previous version, so half the tasks must report no change.
            link = desired_link(index, number // options.links // 2)
            final[link['name']] = link
            if rng.random() < options.fault_share:
                tasks.append(arm_fault_task(endpoint, rng))
                armed += 1
            tasks.append(link_task(endpoint, link))
        env = playbook_env(options.collections_path)
        soak_seconds, soak_recap = run_playbook(write_playbook(os.path.join(workdir, 'soak.yml'), tasks), env)
        log = admin(endpoint, 'GET', 'requests')['requests']
        admin(endpoint, 'DELETE', 'faults')
        stored = admin(endpoint, 'GET', 'links')
        wrong = sorted(name for name, link in final.items() if name not in stored or not stored_matches(stored[name], link))
        second_seconds, second_recap = run_playbook(
            write_playbook(os.path.join(workdir, 'second.yml'), [link_task(endpoint, link) for link in final.values()]), env)

    faulted = [entry for entry in log if entry.get('fault')]
    print('soak: %d relationship_link tasks over %d links, faults armed before %d tasks (seed %d)'
          % (options.tasks, options.links, armed, options.seed))
    print('| figure | value |')
    print('|---|---|')
    print('| playbook time | %.1f s (%.3f s per task, fault arming included) |' % (soak_seconds, soak_seconds / len(tasks)))
    print('| hub requests | %d, of which faulted (retried) %d |' % (len(log), len(faulted)))
    print('| changed tasks | %d of %d (expected %d) |' % (soak_recap.get('changed', 0), options.tasks, options.tasks // 2))
    print('| links not in the desired state | %d %s |' % (len(wrong), ' '.join(wrong)))
    print('| second pass | %d tasks, changed=%d, %.1f s |' % (len(final), second_recap.get('changed', 0), second_seconds))
    ok = not wrong and second_recap.get('changed', 0) == 0 and soak_recap.get('failed', 0) == 0
    print('soak %s' % ('PASSED' if ok else 'FAILED'))
    sys.exit(0 if ok else 1)


if __name__ == '__main__':
    main()
