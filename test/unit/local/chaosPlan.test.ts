import { describe, expect, it } from 'vitest';
import { createChaosPlan } from '../../../packages/local/src/chaos/chaosPlan';
import {
  requestKey,
  truncateBody,
} from '../../../packages/local/src/simulator/simulatorFaults';

/** Every decision of a plan over a fixed set of keys, for comparison. */
const decisions = (seed: number) => {
  const plan = createChaosPlan({ seed });
  const range = Array.from({ length: 400 }, (_, i) => i + 1);

  return {
    delivery: range.map((n) => plan.delivery('nppes-adapter', n)),
    kills: range.map((n) => plan.killStep('notifier', n)),
    faults: range.map((n) => plan.sourceFault('nppes', `/api?number=${n}`, 1)),
    drop: plan.connectionDrop,
  };
};

describe('the chaos plan', () => {
  it('draws the same plan from the same seed', () => {
    const first = decisions(8);

    const second = decisions(8);

    expect(second).toEqual(first);
  });

  it('draws a different plan from another seed', () => {
    const eight = decisions(8);

    const nine = decisions(9);

    expect(nine.faults).not.toEqual(eight.faults);
  });

  it('holds the rates of issue #8 roughly, over many keys', () => {
    const { delivery, kills, faults } = decisions(8);

    const late = delivery.filter((d) => d.outOfOrder).length / delivery.length;
    const killed = kills.filter((k) => k !== null).length / kills.length;
    const faulty = faults.filter((f) => f !== null).length / faults.length;

    expect(late).toBeGreaterThan(0.2);
    expect(late).toBeLessThan(0.4);
    expect(killed).toBeGreaterThan(0.05);
    expect(killed).toBeLessThan(0.15);
    expect(faulty).toBeGreaterThan(0.15);
    expect(faulty).toBeLessThan(0.35);
    expect(new Set(faults.filter((f) => f !== null))).toEqual(
      new Set(['http500', 'http429', 'timeout', 'malformed']),
    );
  });

  it('hands every message over twice, the copy after the first', () => {
    const { delivery } = decisions(3);

    for (const { copyDelaysMs } of delivery) {
      expect(copyDelaysMs).toHaveLength(2);
      expect(copyDelaysMs[1]).toBeGreaterThan(copyDelaysMs[0]);
    }
  });

  it('lets a retry of a faulty request succeed: the attempt is part of the key', () => {
    const plan = createChaosPlan({ seed: 8 });

    const attempts = Array.from({ length: 50 }, (_, i) =>
      plan.sourceFault('sam', 'npi=1234567893', i + 1),
    );

    expect(attempts).toContain(null);
    expect(attempts.some((fault) => fault !== null)).toBe(true);
  });
});

describe('the simulator fault helpers', () => {
  it('keys a request by path and sorted query, without the API key', () => {
    const a = new URL('http://s/sam/x?npi=1&api_key=secret&size=1');
    const b = new URL('http://s/sam/x?size=1&npi=1&api_key=other');

    expect(requestKey(a)).toBe('/sam/x?npi=1&size=1');
    expect(requestKey(b)).toBe(requestKey(a));
  });

  it('never cuts a body right after a line end, so a CSV cannot pass for whole', () => {
    const csv = new TextEncoder().encode('"A","B"\r\n"C","D"\r\n"E","F"\r\n');

    for (let i = 0; i < 20; i += 1) {
      const cut = truncateBody(csv, i / 20);
      const last = cut[cut.byteLength - 1];

      expect(cut.byteLength).toBeLessThan(csv.byteLength);
      expect(last === 0x0a || last === 0x0d).toBe(false);
    }
  });
});
