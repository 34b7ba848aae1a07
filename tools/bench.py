#!/usr/bin/env python
# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Benchmark: unchanged relationship_link tasks against ansible.builtin.uri GETs of the same link.

Starts the Hub emulator, seeds one link, then runs, for several rounds and alternating, a playbook
of N unchanged relationship_link tasks and a playbook of N uri GETs of the same link (both with the
same bearer token), and an empty playbook for the fixed cost of ansible-playbook itself. It prints
the median seconds per task of each, their ratio, and the module's own import and run time.
The figures are printed, never asserted: the machine's load decides them.

Usage: tools/bench.py --collections-path build/collections [--tasks 30] [--rounds 5]
"""

from __future__ import annotations

import argparse
import json
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


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--collections-path', required=True, help='directory holding ansible_collections/customerinsights/hub')
    parser.add_argument('--tasks', type=int, default=30)
    parser.add_argument('--rounds', type=int, default=5)
    options = parser.parse_args()
    collections_path = os.path.abspath(options.collections_path)

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


if __name__ == '__main__':
    main()
