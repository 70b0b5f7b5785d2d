import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LeieListShrankError,
  makeLeieCsv,
  makeLeieRow,
} from '../../../packages/core/src';
import { createLeieRefreshHandler } from '../../../packages/functions/src/handlers/leieRefreshHandler';
import { createLeieScreenHandler } from '../../../packages/functions/src/handlers/leieScreenHandler';
import { makeRoster } from '../../factories/roster';
import {
  sqsEvent,
  startWorkerHarness,
  testContext,
  type WorkerHarness,
} from '../../helpers/workerHarness';

const EXCLUDED_NPI = '1234567893';

const listWith = (extra: string[][] = []): string =>
  makeLeieCsv([
    makeLeieRow({ lastName: 'QUILL', firstName: 'ADA', npi: EXCLUDED_NPI }),
    makeLeieRow({
      lastName: 'REED',
      firstName: 'BO',
      npi: null,
      dateOfBirth: null,
    }),
    ...extra,
  ]);

describe('the LEIE refresh and screening handlers', () => {
  let harness: WorkerHarness;

  beforeAll(async () => {
    harness = await startWorkerHarness({
      name: 'leie',
      roster: makeRoster(
        [
          {
            id: 'w1',
            givenName: 'Ada',
            familyName: 'Quill',
            npi: EXCLUDED_NPI,
          },
          { id: 'w2', givenName: 'Bo', familyName: 'Reed', npi: null },
          { id: 'w3', givenName: 'Cy', familyName: 'Moss', npi: null },
        ].map((p) => ({ ...p, sources: ['oig-leie'] })),
      ),
      simulator: { leie: { kind: 'file', body: listWith() } },
    });
  });

  afterAll(async () => {
    await harness.close();
  });

  it('screens nobody as clear before a list has been loaded', async () => {
    const screen = createLeieScreenHandler(async () => harness.deps);
    const requests = await harness.claimRequests();

    await screen(sqsEvent(requests), testContext('leie-screen'));
    const outcomes = await harness.store.db
      .selectFrom('results')
      .select('outcome')
      .execute();

    expect(outcomes.map((o) => o.outcome)).toEqual([
      'source_unavailable',
      'source_unavailable',
      'source_unavailable',
    ]);
  });

  it('loads the list, then skips an unchanged download', async () => {
    const refresh = createLeieRefreshHandler(async () => harness.deps);

    const first = await refresh({}, testContext('leie-refresh'));
    const second = await refresh({}, testContext('leie-refresh'));

    expect(first).toMatchObject({
      status: 'loaded',
      rows: 2,
      checksMadeDue: 3,
    });
    expect(second).toMatchObject({ status: 'unchanged' });
  });

  it('flags an NPI match and sends a name-only match to review', async () => {
    const screen = createLeieScreenHandler(async () => harness.deps);
    const requests = await harness.claimRequests();

    const response = await screen(sqsEvent(requests), testContext('screen'));
    const latest = await harness.store.db
      .selectFrom('checks')
      .select(['id', 'last_outcome'])
      .orderBy('id')
      .execute();

    expect(response.batchItemFailures).toEqual([]);
    expect(latest.map((c) => c.last_outcome)).toEqual([
      'flagged',
      'needs_review',
      'clear',
    ]);
  });

  it('keeps the current list when a download is cut short', async () => {
    const refresh = createLeieRefreshHandler(async () => harness.deps);
    harness.simulator.setLeieBehaviour({
      kind: 'truncated',
      cut: 'mid-row',
      body: listWith([makeLeieRow({ lastName: 'MOSS', firstName: 'CY' })]),
    });

    await expect(refresh({}, testContext('leie-refresh'))).rejects.toThrow();
    const lists = await harness.store.db
      .selectFrom('leie_lists')
      .select(['row_count', 'is_current'])
      .execute();

    expect(lists).toEqual([{ row_count: 2, is_current: true }]);
  });

  it('keeps the current list when a download has far fewer rows', async () => {
    const refresh = createLeieRefreshHandler(async () => harness.deps);
    harness.simulator.setLeieBehaviour({
      kind: 'file',
      body: makeLeieCsv([
        makeLeieRow({ lastName: 'QUILL', firstName: 'ADA', npi: EXCLUDED_NPI }),
      ]),
    });

    const refreshing = refresh({}, testContext('leie-refresh'));

    await expect(refreshing).rejects.toBeInstanceOf(LeieListShrankError);
    await expect(refreshing).rejects.toMatchObject({
      context: { rows: 1, previous_rows: 2 },
    });
    const lists = await harness.store.db
      .selectFrom('leie_lists')
      .select(['row_count', 'is_current'])
      .execute();
    expect(lists).toEqual([{ row_count: 2, is_current: true }]);
  });
});
