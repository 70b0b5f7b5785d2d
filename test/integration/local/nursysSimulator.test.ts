import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeNursysRecord,
  parseNursysResult,
  parseNursysTransaction,
} from '../../../packages/core/src';
import { simulatorRewrite } from '../../../packages/local/src/simulator/simulatorRewrite';
import {
  type SourceSimulator,
  startSourceSimulator,
} from '../../../packages/local/src/simulator/startSourceSimulator';

const HEADERS = {
  'user-agent': 'rovn-test/1',
  username: 'inst',
  password: 'fake',
  'content-type': 'application/json',
};

const lookupBody = (number: string) =>
  JSON.stringify({
    NurseLookupRequests: [
      {
        RecordId: 'chk-1',
        JurisdictionAbbreviation: 'KS',
        LicenseNumber: number,
        LicenseType: 'RN',
      },
    ],
  });

describe('the source simulator: Nursys e-Notify', () => {
  let sim: SourceSimulator;

  const url = (path: string) =>
    simulatorRewrite(sim.baseUrl)(
      new URL(`https://api.nursys.com/api/${path}`),
    );

  /** Fetches and reads the answer the way the adapter's parsers do. */
  const call = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(url(path), {
      ...init,
      headers: { ...HEADERS, ...(init.headers as Record<string, string>) },
    });

    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      headers: Object.fromEntries(response.headers),
      body: new Uint8Array(await response.arrayBuffer()),
    };
  };

  const submit = (number: string) =>
    call('nurselookup', { method: 'POST', body: lookupBody(number) });

  beforeAll(async () => {
    sim = await startSourceSimulator({
      nursys: {
        pendingPolls: 2,
        behaviours: {
          'KS|RN|RN000001': {
            kind: 'result',
            records: [makeNursysRecord({ licenses: [{}] })],
          },
          'KS|RN|RN000002': { kind: 'http429', retryAfter: 90 },
          'KS|RN|RN000003': { kind: 'pending_forever' },
        },
      },
    });
  });

  afterAll(() => sim.stop());

  it('refuses a call without the institution credentials', async () => {
    const response = await fetch(url('nurselookup'), {
      method: 'POST',
      headers: { 'user-agent': 'rovn-test/1' },
      body: lookupBody('RN000001'),
    });

    expect(response.status).toBe(401);
  });

  it('answers not complete for the first polls, then the result', async () => {
    const submitted = parseNursysTransaction(await submit('RN000001'));
    const id = submitted.kind === 'submitted' ? submitted.transactionId : '';

    const polls = [];
    for (let i = 0; i < 3; i++) {
      polls.push(
        parseNursysResult(await call(`nurselookup?transactionId=${id}`)),
      );
    }

    expect(polls.map((poll) => poll.kind)).toEqual([
      'pending',
      'pending',
      'complete',
    ]);
    expect(polls[2]).toMatchObject({ records: [{ recordId: 'chk-1' }] });
  });

  it('answers a submit with 429 and Retry-After when told', async () => {
    const answer = await submit('RN000002');

    expect(answer.status).toBe(429);
    expect(answer.headers['retry-after']).toBe('90');
  });

  it('keeps a transaction pending for ever when told', async () => {
    const submitted = parseNursysTransaction(await submit('RN000003'));
    const id = submitted.kind === 'submitted' ? submitted.transactionId : '';

    const kinds = [];
    for (let i = 0; i < 4; i++) {
      kinds.push(
        parseNursysResult(await call(`nurselookup?transactionId=${id}`)).kind,
      );
    }

    expect(kinds).toEqual(['pending', 'pending', 'pending', 'pending']);
  });

  it('answers an unknown transaction id with a failed transaction', async () => {
    const answer = await call('nurselookup?transactionId=NT-nope');

    expect(parseNursysResult(answer)).toEqual({
      kind: 'transaction_failed',
      errors: [{ code: 'E1004' }],
    });
  });
});
