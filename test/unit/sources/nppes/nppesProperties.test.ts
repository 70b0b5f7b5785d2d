import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareNames } from '../../../../packages/core/src/matching/compareNames';
import { classifyNppes } from '../../../../packages/core/src/sources/nppes/classifyNppes';
import { parseNppesResponse } from '../../../../packages/core/src/sources/nppes/parseNppesResponse';
import type { NppesHttpAnswer } from '../../../../packages/core/src/sources/nppes/types';
import { makeSubject } from '../subjectFactory';
import { bytes, jsonAnswer, makeNppesBody, makeRecord } from './factories';

const RUNS = { numRuns: 200 };

type Json = unknown;

/** Every path to a value inside a JSON tree, the root excluded. */
const pathsOf = (value: Json, prefix: (string | number)[] = []) => {
  const paths: (string | number)[][] = [];
  if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      const path = [...prefix, Array.isArray(value) ? Number(key) : key];
      paths.push(path, ...pathsOf(child, path));
    }
  }

  return paths;
};

const MUTATIONS = [
  'remove',
  'stringify',
  'numberify',
  'null',
  'placeholder',
  'empty_object',
  'empty_array',
] as const;

/** Applies one mutation at a path, in place. */
const mutate = (
  root: Json,
  path: (string | number)[],
  mutation: (typeof MUTATIONS)[number],
): void => {
  const parent = path
    .slice(0, -1)
    .reduce<Json>((node, key) => (node as Record<string, Json>)[key], root);
  const key = path[path.length - 1] as string | number;
  const container = parent as Record<string | number, Json>;
  const current = container[key];
  const replacement: Record<typeof mutation, () => Json> = {
    remove: () => undefined,
    stringify: () =>
      typeof current === 'object' ? JSON.stringify(current) : String(current),
    numberify: () => (Number.isNaN(Number(current)) ? 0 : Number(current)),
    null: () => null,
    placeholder: () => '--',
    empty_object: () => ({}),
    empty_array: () => [],
  };
  if (mutation === 'remove') {
    if (Array.isArray(container)) {
      container.splice(Number(key), 1);
    } else {
      delete container[key];
    }
  } else {
    container[key] = replacement[mutation]();
  }
};

/** Lists whose contents never decide an outcome (the lists themselves do). */
const INERT_LISTS = new Set([
  'addresses',
  'taxonomies',
  'identifiers',
  'other_names',
  'endpoints',
  'practiceLocations',
]);

/**
 * Paths worth mutating: everything but the insides of inert lists, so the
 * runs concentrate on the fields that decide the outcome.
 */
const decides = (path: (string | number)[]): boolean =>
  !(path.length > 3 && INERT_LISTS.has(String(path[2])));

const shuffleKeys = (value: Json, random: () => number): Json => {
  if (Array.isArray(value)) {
    return value.map((item) => shuffleKeys(item, random));
  }
  if (typeof value !== 'object' || value === null) {
    return value;
  }
  const entries = Object.entries(value).map(
    ([key, child]) => [key, shuffleKeys(child, random)] as const,
  );
  entries.sort(() => random() - 0.5);

  return Object.fromEntries(entries);
};

const subject = makeSubject();

/** Parses and classifies, asserting the parser does not throw. */
const run = (answer: NppesHttpAnswer) => {
  const parsed = parseNppesResponse(answer);

  return { parsed, result: classifyNppes(subject, parsed) };
};

/** Fails unless a `clear` rests on one active, matching individual record. */
const expectClearOnlyIfTrue = (
  parsed: ReturnType<typeof parseNppesResponse>,
  outcome: string,
): void => {
  if (outcome !== 'clear') {
    return;
  }
  const record = parsed.kind === 'results' ? parsed.results[0] : undefined;
  expect(parsed.kind === 'results' && parsed.results.length).toBe(1);
  expect(record?.number).toBe(subject.npi);
  expect(record?.basic.status).toBe('A');
  expect(record?.enumerationType).toBe('NPI-1');
  const names = compareNames(subject, {
    givenName: record?.basic.firstName,
    middleName: record?.basic.middleName,
    familyName: record?.basic.lastName,
  });
  expect(names.match).toBe('exact');
};

describe('parseNppesResponse and classifyNppes under hostile input', () => {
  it('never throw on random bytes, and never clear them', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 512 }),
        fc.integer({ min: 100, max: 599 }),
        (body, status) => {
          const { parsed, result } = run({
            status,
            contentType: 'application/json',
            body,
          });

          if (parsed.kind !== 'results') {
            expect(result.outcome).not.toBe('clear');
          }
        },
      ),
      RUNS,
    );
  });

  it('never throw on random JSON, and clear only a body they understood', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const { parsed, result } = run(jsonAnswer(value));

        if (parsed.kind !== 'results') {
          expect(result.outcome).not.toBe('clear');
        }
      }),
      RUNS,
    );
  });

  it('call any truncated valid body unreadable', () => {
    const text = JSON.stringify(makeNppesBody([makeRecord()]));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: text.length - 1 }), (cut) => {
        const { parsed, result } = run({
          status: 200,
          contentType: 'application/json',
          body: bytes(text.slice(0, cut)),
        });

        expect(parsed.kind).toBe('unreadable');
        expect(result.outcome).toBe('source_unavailable');
      }),
      RUNS,
    );
  });

  it('call any HTML page unreadable', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.constantFrom('text/html', 'application/json', ''),
        (inner, contentType) => {
          const page = `<html><body>${inner}</body></html>`;

          const { parsed } = run({
            status: 200,
            contentType,
            body: bytes(page),
          });

          expect(parsed).toEqual({ kind: 'unreadable', reason: 'html_body' });
        },
      ),
      RUNS,
    );
  });

  it('read a body the same whatever the order of its keys', () => {
    const body = makeNppesBody([makeRecord()]);
    const expected = parseNppesResponse(jsonAnswer(body));
    const draws = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
      minLength: 1,
      maxLength: 64,
    });
    fc.assert(
      fc.property(draws, (values) => {
        let i = 0;
        const random = () => values[i++ % values.length] ?? 0;
        const shuffled = shuffleKeys(body, random);

        const parsed = parseNppesResponse(jsonAnswer(shuffled));

        expect(parsed).toEqual(expected);
      }),
      RUNS,
    );
  });

  it('never throw on mutated records, and clear only a record that truly matches', () => {
    const mutations = fc.array(
      fc.tuple(fc.nat(), fc.constantFrom(...MUTATIONS)),
      { minLength: 1, maxLength: 4 },
    );
    fc.assert(
      fc.property(
        mutations,
        fc.constantFrom('current', 'legacy' as const),
        (steps, format) => {
          const body = makeNppesBody([makeRecord({}, { format })]);
          for (const [pick, mutation] of steps) {
            const paths = pathsOf(body).filter(decides);
            const path = paths[pick % paths.length];
            if (path !== undefined) {
              mutate(body, path, mutation);
            }
          }

          const { parsed, result } = run(jsonAnswer(body));

          expectClearOnlyIfTrue(parsed, result.outcome);
        },
      ),
      RUNS,
    );
  });
  it('clear only a record whose deciding fields still say so, whatever they are replaced with', () => {
    const fields = fc.constantFrom(
      ['number'],
      ['enumeration_type'],
      ['basic', 'status'],
      ['basic', 'first_name'],
      ['basic', 'last_name'],
      ['basic', 'middle_name'],
    );
    const values = fc.oneof(
      fc.jsonValue(),
      fc.string(),
      fc.constantFrom('A', 'D', '--', 'N/A', '', 'NPI-2', 1234567893),
    );
    fc.assert(
      fc.property(fields, values, (path, value) => {
        const record = makeRecord();
        const parent =
          path.length === 2
            ? (record.basic as Record<string, unknown>)
            : record;
        parent[path[path.length - 1] as string] = value;

        const { parsed, result } = run(jsonAnswer(makeNppesBody([record])));

        expectClearOnlyIfTrue(parsed, result.outcome);
      }),
      RUNS,
    );
  });
});
