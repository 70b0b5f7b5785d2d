import * as z from 'zod';
import { noticeSchema } from '../notifications/render/notice';
import {
  verificationCompletedSchema,
  verificationRequestedSchema,
} from './contracts';

/** The contracts the container tier validates, by JSON Schema file name. */
const CONTRACTS = {
  'verification.requested': {
    schema: verificationRequestedSchema,
    description:
      'Published by the sweep to the verification-requests topic, one per claimed check',
  },
  'verification.completed': {
    schema: verificationCompletedSchema,
    description:
      'Put on the Passport bus (detail of detail-type verification.completed) after a result is stored',
  },
  notice: {
    schema: noticeSchema,
    description:
      'One email to one recipient; cross-field rules (kind and outcome, facility, findings, expiry) are enforced by the zod schema only',
  },
} as const;

/** File name (under `contracts/`) of a contract's JSON Schema. */
const contractFileName = (name: keyof typeof CONTRACTS): string =>
  `${name}.schema.json`;

/**
 * Every event contract as a JSON Schema (draft 2020-12) document, from
 * the zod schemas the TypeScript code validates with. Refinements that
 * JSON Schema cannot state are named in the description instead.
 */
const contractJsonSchemas = (): Record<string, Record<string, unknown>> =>
  Object.fromEntries(
    Object.entries(CONTRACTS).map(([name, contract]) => {
      const { $schema, ...schema } = z.toJSONSchema(contract.schema, {
        unrepresentable: 'any',
      });

      return [
        contractFileName(name as keyof typeof CONTRACTS),
        { $schema, title: name, description: contract.description, ...schema },
      ];
    }),
  );

/** The text a contract file holds: two-space JSON and a final newline. */
const contractFileText = (schema: Record<string, unknown>): string =>
  `${JSON.stringify(schema, null, 2)}\n`;

export { CONTRACTS, contractFileName, contractFileText, contractJsonSchemas };
