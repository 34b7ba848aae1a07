#!/usr/bin/env python
# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Benchmarks against the Hub emulator: the per-task cost, and the scale of relationship_links.

per-task: starts the Hub emulator, seeds one link, then runs, for several rounds and alternating, a
playbook of N unchanged relationship_link tasks and a playbook of N uri GETs of the same link (both
with the same bearer token), and an empty playbook for the fixed cost of ansible-playbook itself.
It prints the median seconds per task of each, their ratio, and the module's own import and run time.

scale (issue 12): a hub of --links links (default 500) listed in pages of --page-size (default 30,
as the hub's), and three cases, each run as one relationship_links task and as a loop of
relationship_link over the same links, from the same hub state: (1) nothing to change, (2)
--changed of them changed, (3) state=overridden deleting --deleted of them (the loop: present for
the others, absent for those). It prints the requests the hub saw and the wall time of each, and
the ratio loop/bulk.

The figures are printed, never asserted: the machine's load decides them.

Usage: tools/bench.py --collections-path build/collections [--scenario all|per-task|scale]
           [--tasks 30] [--rounds 5] [--links 500] [--page-size 30] [--changed 50] [--deleted 100]
           [--parallelism 4] [--bulk-rounds 3]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import time

from hub_tools import ACCESS_TOKEN, admin, playbook_env, run_playbook, running_emulator, write_playbook

LINK = dict(
    interactionType='WebPurchase', relationshipName='CustomerToStore',
    profilePropertyReferences=[dict(interactionPropertyName='CustomerId', profilePropertyName='ProfileId')],
    relatedProfilePropertyReferences=[dict(interactionPropertyName='StoreId', profilePropertyName='ProfileId')],
)


def module_task(endpoint):
    return {'customerinsights.hub.relationship_link': dict(
        hub_endpoint=endpoint, access_token=ACCESS_TOKEN, name='BenchLink', interaction_type='WebPurchase')}


def uri_task(endpoint):
    return {'ansible.builtin.uri': dict(
        url='%s/manage/model/relationshipLinks/BenchLink?api-version=2017-04-26' % endpoint,
        headers=dict(Authorization='Bearer %s' % ACCESS_TOKEN), return_content=False)}


def module_cost(collections_path, endpoint, workdir):
    """Import time of the module with its module_utils and requests, and one run of it, in a fresh Python."""
    env = dict(os.environ, PYTHONPATH=collections_path)
    probe = ('import time; t = time.perf_counter(); '
             'import ansible_collections.customerinsights.hub.plugins.modules.relationship_link; '
             'print(time.perf_counter() - t)')
    imports = float(subprocess.run([sys.executable, '-c', probe], env=env, check=True,
                                   stdout=subprocess.PIPE, text=True).stdout)
    args = os.path.join(workdir, 'args.json')
    with open(args, 'w') as handle:
        json.dump(dict(ANSIBLE_MODULE_ARGS=module_task(endpoint)['customerinsights.hub.relationship_link']), handle)
    started = time.perf_counter()
    subprocess.run([sys.executable, '-m', 'ansible_collections.customerinsights.hub.plugins.modules.relationship_link', args],
                   env=env, check=True, stdout=subprocess.DEVNULL)
    return imports, time.perf_counter() - started


def benchmark_per_task(options, collections_path):
    with running_emulator() as (endpoint, workdir):
        admin(endpoint, 'PUT', 'links/BenchLink', LINK)
        books = dict(
            relationship_link=write_playbook(os.path.join(workdir, 'module.yml'), [module_task(endpoint)] * options.tasks),
            uri=write_playbook(os.path.join(workdir, 'uri.yml'), [uri_task(endpoint)] * options.tasks),
            empty=write_playbook(os.path.join(workdir, 'empty.yml'), []),
        )
        env = playbook_env(collections_path)
        seconds = dict((kind, []) for kind in books)
        run_playbook(books['relationship_link'], env)  # warm the caches; not counted
        for _round in range(options.rounds):
            for kind in ('relationship_link', 'uri', 'empty'):
                seconds[kind].append(run_playbook(books[kind], env)[0])
        imports, one_run = module_cost(collections_path, endpoint, workdir)
        log = admin(endpoint, 'GET', 'requests')

    fixed = statistics.median(seconds['empty'])
    per_task = dict((kind, (statistics.median(seconds[kind]) - fixed) / options.tasks) for kind in ('relationship_link', 'uri'))
    ratio = per_task['relationship_link'] / per_task['uri']
    print('machine: %s, %d cores, Python %s' % (platform.platform(), os.cpu_count(), platform.python_version()))
    print('%d tasks per playbook, %d rounds, alternating; fixed cost of ansible-playbook %.2f s subtracted' % (
        options.tasks, options.rounds, fixed))
    print('| playbook | median s/playbook | median s/task |')
    print('|---|---|---|')
    for kind in ('relationship_link', 'uri'):
        print('| %s | %.2f | %.3f |' % (kind, statistics.median(seconds[kind]), per_task[kind]))
    print('ratio relationship_link / uri per task: %.2f (goal <= 1.00)' % ratio)
    print('module import (module_utils + requests): %.3f s; one module run in a fresh Python: %.3f s' % (imports, one_run))
    gets = sum(1 for entry in log['requests'] if entry['method'] == 'GET')
    print('requests seen by the hub: %d (GET %d, other %d)' % (len(log['requests']), gets, len(log['requests']) - gets))


# ---- scale: relationship_links against a loop of relationship_link ---------------------------

def scale_link(index, description='Link %d'):
    """The options of the index-th link of the scale hub (many links share one interaction and relationship)."""
    return dict(LINK_OPTIONS, name='ScaleLink%03d' % index, description={'en-us': description % index},
                mappings=[dict(interaction_field_name='Field%d' % (index % 12), relationship_field_name='LastPurchase',
                               link_type='UpdateAlways')])


LINK_OPTIONS = dict(
    interaction_type='WebPurchase', relationship_name='CustomerToStore',
    profile_property_references=[dict(interaction_property_name='CustomerId', profile_property_name='ProfileId')],
    related_profile_property_references=[dict(interaction_property_name='StoreId', profile_property_name='ProfileId')],
)


def seed_links(endpoint, links):
    """The hub holds exactly these links (given as module options)."""
    admin(endpoint, 'DELETE', 'links')
    for link in links:
        body = dict(
            interactionType=link['interaction_type'], relationshipName=link['relationship_name'], description=link['description'],
            profilePropertyReferences=[dict(interactionPropertyName=ref['interaction_property_name'], profilePropertyName=ref['profile_property_name'])
                                       for ref in link['profile_property_references']],
            relatedProfilePropertyReferences=[dict(interactionPropertyName=ref['interaction_property_name'],
                                                   profilePropertyName=ref['profile_property_name'])
                                              for ref in link['related_profile_property_references']],
            mappings=[dict(interactionFieldName=m['interaction_field_name'], relationshipFieldName=m['relationship_field_name'],
                           linkType=m['link_type']) for m in link['mappings']])
        admin(endpoint, 'PUT', 'links/%s' % link['name'], body)


def scale_playbooks(workdir, endpoint, desired, keep, parallelism):
    """(bulk, loop) playbooks that bring the hub to desired; links not in keep are deleted (overridden / absent)."""
    defaults = {'group/customerinsights.hub.hub': dict(hub_endpoint=endpoint, access_token=ACCESS_TOKEN)}
    state = 'overridden' if keep is not None else 'merged'
    bulk = [{'name': 'All links in one task', 'customerinsights.hub.relationship_links': dict(
        config='{{ links }}', state=state, parallelism=parallelism)}]
    item_options = dict((option, '{{ item.%s | default(omit) }}' % option) for option in desired[0] if option != 'name')
    item_options.update(name='{{ item.name }}', state="{{ item.state | default('present') }}")
    loop = [{'name': 'One task per link', 'loop': '{{ links + removed }}', 'loop_control': dict(label='{{ item.name }}'),
             'customerinsights.hub.relationship_link': item_options}]
    wanted = desired if keep is None else [link for link in desired if link['name'] in keep]
    removed = [] if keep is None else [dict(name=link['name'], state='absent') for link in desired if link['name'] not in keep]
    play_vars = dict(links=wanted, removed=removed)
    return (write_playbook(os.path.join(workdir, 'bulk.yml'), bulk, play_vars, module_defaults=defaults),
            write_playbook(os.path.join(workdir, 'loop.yml'), loop, play_vars, module_defaults=defaults))


def measured_run(endpoint, playbook, env):
    """(seconds, {method: requests}) of one run of a playbook, from a cleared request log."""
    admin(endpoint, 'DELETE', 'requests')
    seconds = run_playbook(playbook, env)[0]
    methods = {}
    for entry in admin(endpoint, 'GET', 'requests')['requests']:
        methods[entry['method']] = methods.get(entry['method'], 0) + 1
    return seconds, methods


def benchmark_scale(options, collections_path):
    count, pages = options.links, math.ceil(options.links / options.page_size)
    hub = [scale_link(index) for index in range(count)]
    # The changed links are spread over the whole list, so their writes are not all on one page.
    changed_indices = set(range(0, count, max(1, count // options.changed))[:options.changed]) if options.changed else set()
    changed = [scale_link(index, 'Link %d, changed') if index in changed_indices else link for index, link in enumerate(hub)]
    keep = set(link['name'] for link in hub[:count - options.deleted])
    cases = (
        # (label, links on the hub, desired links, names to keep (None: all), writes)
        ('(1) unchanged', hub, hub, None, 0),
        ('(2) %d of %d changed' % (len(changed_indices), count), hub, changed, None, len(changed_indices)),
        ('(3) overridden, deleting %d' % options.deleted, hub, hub, keep, options.deleted),
    )
    env = playbook_env(collections_path)
    rows = []
    with running_emulator() as (endpoint, workdir):
        admin(endpoint, 'POST', 'config', dict(page_size=options.page_size))
        empty = write_playbook(os.path.join(workdir, 'empty.yml'), [])
        fixed = statistics.median(run_playbook(empty, env)[0] for _round in range(3))
        for label, start, desired, kept, writes in cases:
            bulk, loop = scale_playbooks(workdir, endpoint, desired, kept, options.parallelism)
            figures = {}
            # The loop takes minutes: once. The bulk task takes about a second: the median of a few runs.
            for kind, playbook, rounds in (('loop', loop, 1), ('bulk', bulk, options.bulk_rounds)):
                runs = []
                for _round in range(rounds):
                    seed_links(endpoint, start)
                    runs.append(measured_run(endpoint, playbook, env))
                figures[kind] = (statistics.median(seconds for seconds, _methods in runs), runs[-1][1])
            rows.append((label, writes, figures))
    print('machine: %s, %d cores, Python %s' % (platform.platform(), os.cpu_count(), platform.python_version()))
    setting = (count, options.page_size, pages, options.parallelism, options.bulk_rounds, fixed)
    print('%d links, page size %d (ceil = %d list pages), parallelism %d; loop once, bulk median of %d runs; '
          'fixed cost of ansible-playbook %.2f s (empty play)' % setting)
    print('| case | task | requests (by method) | wall s | s without the fixed cost |')
    print('|---|---|---|---|---|')
    for label, writes, figures in rows:
        for kind in ('loop', 'bulk'):
            seconds, methods = figures[kind]
            task = ('%d x relationship_link (loop)' % count) if kind == 'loop' else '1 x relationship_links'
            by_method = ', '.join('%s %d' % item for item in sorted(methods.items()))
            print('| %s | %s | %d (%s) | %.2f | %.2f |' % (label, task, sum(methods.values()), by_method, seconds, seconds - fixed))
    for label, writes, figures in rows:
        loop_seconds, bulk_seconds = figures['loop'][0] - fixed, figures['bulk'][0] - fixed
        bulk_requests = sum(figures['bulk'][1].values())
        print('%s: loop/bulk %.1fx (%.1fx on wall time); bulk requests %d, expected ceil(%d/%d) + %d writes = %d'
              % (label, loop_seconds / bulk_seconds, figures['loop'][0] / figures['bulk'][0], bulk_requests, count,
                 options.page_size, writes, pages + writes))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--collections-path', required=True, help='directory holding ansible_collections/customerinsights/hub')
    parser.add_argument('--scenario', choices=('all', 'per-task', 'scale'), default='all')
    parser.add_argument('--tasks', type=int, default=30, help='per-task: tasks per playbook')
    parser.add_argument('--rounds', type=int, default=5, help='per-task: rounds')
    parser.add_argument('--links', type=int, default=500, help='scale: links on the hub')
    parser.add_argument('--page-size', type=int, default=30, help="scale: the hub's list page size")
    parser.add_argument('--changed', type=int, default=50, help='scale, case 2: links changed')
    parser.add_argument('--deleted', type=int, default=100, help='scale, case 3: links deleted')
    parser.add_argument('--parallelism', type=int, default=4, help='scale: parallelism of relationship_links')
    parser.add_argument('--bulk-rounds', type=int, default=3, help='scale: runs of each relationship_links task (median)')
    options = parser.parse_args()
    collections_path = os.path.abspath(options.collections_path)
    if options.scenario in ('all', 'per-task'):
        benchmark_per_task(options, collections_path)
    if options.scenario in ('all', 'scale'):
        benchmark_scale(options, collections_path)


if __name__ == '__main__':
    main()
