import type { Roster } from '../../packages/core/src';

/** One piece of PHI to look for, and what kind it is. */
interface PhiNeedle {
  kind: 'date_of_birth' | 'full_name';
  worker: string;
  pattern: RegExp;
}

/** A hit: which needle, in which text. */
interface PhiHit {
  kind: PhiNeedle['kind'];
  worker: string;
  where: string;
}

const escapeRegExp = (text: string): string =>
  text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What a leak of the roster's PHI would look like: each date of birth as
 * `YYYY-MM-DD` and as LEIE's `YYYYMMDD` (not inside a longer number), and
 * each full name as `Given Family` and `Family, Given`, in any case.
 */
const phiNeedles = (roster: Roster): PhiNeedle[] =>
  roster.workers.flatMap((worker) => {
    const needles: PhiNeedle[] = [];
    const iso = worker.date_of_birth;
    if (typeof iso === 'string') {
      for (const form of [iso, iso.replaceAll('-', '')]) {
        needles.push({
          kind: 'date_of_birth',
          worker: worker.id,
          pattern: new RegExp(`(?<!\\d)${escapeRegExp(form)}(?!\\d)`),
        });
      }
    }
    const given = escapeRegExp(worker.given_name);
    const family = escapeRegExp(worker.family_name);
    for (const form of [`${given}\\s+${family}`, `${family},\\s*${given}`]) {
      needles.push({
        kind: 'full_name',
        worker: worker.id,
        pattern: new RegExp(form, 'i'),
      });
    }

    return needles;
  });

/** Every needle found in the text; `where` names the text in the hit. */
const findPhi = (
  text: string,
  needles: readonly PhiNeedle[],
  where: string,
): PhiHit[] =>
  needles
    .filter((needle) => needle.pattern.test(text))
    .map((needle) => ({ kind: needle.kind, worker: needle.worker, where }));

export type { PhiHit, PhiNeedle };
export { findPhi, phiNeedles };
