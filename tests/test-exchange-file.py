#!/usr/bin/python3
# test-exchange-file.py: an exchange file read by an independent reader: it
# validates against the JSON Schema in the repository, and a ledger imported
# from it exports the same records, record for record.
import hashlib
import json
import os
import subprocess
import sys
import tempfile

import jsonschema

cli, schema_path = sys.argv[1], sys.argv[2]
n = 0


def ok(condition, name):
    global n
    n += 1
    print(('ok %d - %s' if condition else 'not ok %d - %s') % (n, name))
    if not condition:
        sys.exit(1)


def run(*args, expect=0):
    result = subprocess.run([cli, *args], capture_output=True, text=True)
    if result.returncode != expect:
        sys.stderr.write(result.stdout + result.stderr)
    return result


print('1..7')
with tempfile.TemporaryDirectory() as tmp:
    a, b = os.path.join(tmp, 'a.db'), os.path.join(tmp, 'b.db')
    fa, fb = os.path.join(tmp, 'a.json'), os.path.join(tmp, 'b.json')
    run('--db', a, 'demo', '--records', '120', '--seed', '11')
    ok(run('--db', a, 'export', '-o', fa).returncode == 0, 'export writes the file')

    with open(schema_path) as f:
        schema = json.load(f)
    with open(fa) as f:
        data = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(data))
    for e in errors[:5]:
        sys.stderr.write('%s at %s\n' % (e.message, list(e.absolute_path)))
    ok(not errors, 'the file validates against gongkai-exchange-1.schema.json')
    records = data['records']
    ok(len(records) == 120 == data['count'], 'it holds every record, and says how many')
    ok(len({r['uuid'] for r in records}) == len({r['index_no'] for r in records}) == 120,
       'UUIDs and index numbers are unique')
    ok(all(any(r['history']) for r in records) and any(r['channels'] for r in records)
       and any(r['attachments'] for r in records), 'history, channels and attachments are carried')

    # The receiving ledger is the same organisation's, set up with its code.
    setup = dict(line.split('\t', 1) for line in run('--db', a, 'setup').stdout.splitlines())
    run('--db', b, 'setup', '--name', setup['name'], '--code', setup['code'])
    result = run('--db', b, 'import', fa)
    ok(result.returncode == 0 and '120 added' in result.stdout, 'import into an empty ledger adds every record')
    run('--db', b, 'export', '-o', fb)
    with open(fb) as f:
        again = json.load(f)['records']
    # The same organisation code: the copy is the sender's own ledger again,
    # so each record, history and hash included, must come back as it was.
    by_uuid = {r['uuid']: r for r in again}
    ok(all(by_uuid.get(r['uuid']) == r for r in records) and len(again) == 120,
       'the imported ledger exports the same records, record for record')
