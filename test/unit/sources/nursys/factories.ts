import type { Subject } from '../../../../packages/core/src/domain/subject';
import {
  makeNursysRecord,
  makeNursysResultBody,
  type NursysLicenseOptions,
  type NursysRecordOptions,
} from '../../../../packages/core/src/sources/nursys/nursysBodyFactory';
import type { NursysResponse } from '../../../../packages/core/src/sources/nursys/readNursysAnswer';
import { makeSubject } from '../subjectFactory';

/** The made-up nurse's license as the subject holds it. */
const LICENSE = { jurisdiction: 'KS', number: 'RN004217', type: 'RN' };

/** A made-up nurse with a Kansas RN license. */
const nurseSubject = (overrides: Partial<Subject> = {}): Subject =>
  makeSubject({ license: LICENSE, ...overrides });

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

/** An HTTP answer around a JSON value, 200 and JSON unless told. */
const nursysAnswer = (
  body: unknown,
  overrides: Partial<Omit<NursysResponse, 'body'>> = {},
): NursysResponse => ({
  status: 200,
  contentType: 'application/json',
  body: bytes(typeof body === 'string' ? body : JSON.stringify(body)),
  ...overrides,
});

/**
 * A complete result for the made-up nurse (`nurseSubject`), her license
 * first; `license` tweaks it, `record` the rest.
 */
const nurseResult = (
  license: NursysLicenseOptions = {},
  record: NursysRecordOptions = {},
): NursysResponse =>
  nursysAnswer(
    makeNursysResultBody('NT-1', [
      makeNursysRecord({
        firstName: 'DELPHINE',
        middleName: 'ROSE',
        lastName: 'MERRIWEATHER',
        licenses: [{ licenseNumber: LICENSE.number, ...license }],
        ...record,
      }),
    ]),
  );

export { bytes, LICENSE, nurseResult, nurseSubject, nursysAnswer };
