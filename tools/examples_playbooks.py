#!/usr/bin/env python
# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Write each module's EXAMPLES as a playbook, so ansible-lint checks them like any playbook.

ansible-lint does not look inside module docs, and ansible-test's yamllint only parses them: without
this, an example with a short module name or a task without a name would go unnoticed.

Usage: tools/examples_playbooks.py MODULES_DIR OUT_DIR  (prints the files written)
"""

from __future__ import annotations

import ast
import os
import sys
import textwrap


def examples_of(path):
    with open(path) as handle:
        tree = ast.parse(handle.read(), path)
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(target, 'id', None) == 'EXAMPLES' for target in node.targets):
            return node.value.value
    return None


def main():
    modules_dir, out_dir = sys.argv[1:3]
    os.makedirs(out_dir, exist_ok=True)
    for name in sorted(os.listdir(modules_dir)):
        if not name.endswith('.py') or name.startswith('_'):
            continue
        examples = examples_of(os.path.join(modules_dir, name))
        if not examples:
            sys.exit('%s has no EXAMPLES' % name)
        playbook = os.path.join(out_dir, name[:-3] + '.yml')
        with open(playbook, 'w') as handle:
            handle.write('---\n- name: EXAMPLES of %s\n  hosts: localhost\n  gather_facts: false\n  tasks:\n' % name[:-3])
            handle.write(textwrap.indent(examples.strip('\n') + '\n', '    '))
        print(playbook)


if __name__ == '__main__':
    main()
