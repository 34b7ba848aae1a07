# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""What tools/bench.py and tools/soak.py share: the Hub emulator's lifecycle and admin API, playbooks."""

from __future__ import annotations

import contextlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.request

TESTS = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'tests')
ROOT_POLICY = 'RootManageSharedAccessKey'
ROOT_KEY = 'ZW11bGF0b3Itcm9vdC1wcmltYXJ5LWtleQ=='
ACCESS_TOKEN = 'emulator-access-token'


def _emulator_cli(*args):
    env = dict(os.environ, PYTHONPATH=TESTS)
    return subprocess.run([sys.executable, '-m', 'hub_emulator'] + list(args), env=env, check=True,
                          stdout=subprocess.PIPE, text=True).stdout.strip()


@contextlib.contextmanager
def running_emulator():
    """Yield (endpoint, work dir) of an emulator started for the block and always stopped after it."""
    with tempfile.TemporaryDirectory() as workdir:
        state = os.path.join(workdir, 'emulator')
        endpoint = _emulator_cli('start', '--state-dir', state)
        try:
            yield endpoint, workdir
        finally:
            _emulator_cli('stop', '--state-dir', state)


def admin(endpoint, method, path, body=None):
    """Call the emulator's admin API (/_emulator/<path>) and return the parsed answer."""
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request('%s/_emulator/%s' % (endpoint, path), data=data, method=method,
                                     headers={'Content-Type': 'application/json'})
    with urllib.request.urlopen(request) as answer:
        return json.loads(answer.read() or b'null')


def write_playbook(path, tasks, play_vars=None, **play_keywords):
    """A local play on localhost with the running Python; JSON is YAML. play_keywords: module_defaults, ..."""
    play = dict(name='Generated', hosts='localhost', connection='local', gather_facts=False,
                vars=dict(play_vars or {}, ansible_python_interpreter=sys.executable), tasks=tasks, **play_keywords)
    with open(path, 'w') as handle:
        json.dump([play], handle)
    return path


def playbook_env(collections_path):
    return dict(os.environ, ANSIBLE_COLLECTIONS_PATH=os.path.abspath(collections_path), ANSIBLE_LOCALHOST_WARNING='false',
                ANSIBLE_INVENTORY_UNPARSED_WARNING='false')


def run_playbook(path, env):
    """Run a playbook; return (seconds, {recap counter: value}) and raise on failure."""
    started = time.perf_counter()
    done = subprocess.run(['ansible-playbook', path], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                          check=False)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError('ansible-playbook %s failed:\n%s' % (path, done.stdout[-4000:]))
    recap = dict((key, int(value)) for key, value in re.findall(r'(\w+)=(\d+)', done.stdout.rsplit('PLAY RECAP', 1)[-1]))
    return seconds, recap
