"""check-ocds.py: a release package validated against the OCDS 1.1.5 schemas and codelists, offline."""
import csv
import json
import os
import sys

import jsonschema

BASE = 'https://standard.open-contracting.org/schema/1__1__5/'


def codes(oracles, name):
    with open(os.path.join(oracles, 'codelists', name), newline='', encoding='utf-8') as f:
        return {row['Code'] for row in csv.DictReader(f)}


def main():
    oracles, paths = sys.argv[1], sys.argv[2:]
    with open(os.path.join(oracles, 'release-package-schema.json'), encoding='utf-8') as f:
        package_schema = json.load(f)
    with open(os.path.join(oracles, 'release-schema.json'), encoding='utf-8') as f:
        release_schema = json.load(f)
    resolver = jsonschema.RefResolver(BASE, package_schema, store={BASE + 'release-schema.json': release_schema})
    validator = jsonschema.Draft4Validator(package_schema, resolver=resolver,
                                           format_checker=jsonschema.FormatChecker())
    roles = codes(oracles, 'partyRole.csv')
    currencies = codes(oracles, 'currency.csv')
    failures = 0
    for path in paths:
        with open(path, encoding='utf-8') as f:
            package = json.load(f)
        for error in validator.iter_errors(package):
            failures += 1
            print(f'{path}: {"/".join(map(str, error.path))}: {error.message}')
        releases = package.get('releases', [])
        if not releases:
            failures += 1
            print(f'{path}: no release')
        for release in releases:
            for party in release.get('parties', []):
                for role in party.get('roles', []):
                    if role not in roles:
                        failures += 1
                        print(f'{path}: {release["ocid"]}: role {role} is not in partyRole.csv')

            def values(node):
                if isinstance(node, dict):
                    if 'currency' in node:
                        yield node
                    for child in node.values():
                        yield from values(child)
                elif isinstance(node, list):
                    for child in node:
                        yield from values(child)
            for value in values(release):
                if value['currency'] not in currencies or not isinstance(value.get('amount'), (int, float)):
                    failures += 1
                    print(f'{path}: {release["ocid"]}: bad value {value}')
        print(f'{path}: {len(releases)} releases checked')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
