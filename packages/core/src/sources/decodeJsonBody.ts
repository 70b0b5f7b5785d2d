import type * as z from 'zod';

/**
 * A reason naming where a body broke its schema, by path and issue code
 * only: zod's messages can quote values, and values here are names.
 */
const schemaReason = (error: z.ZodError): string => {
  const issue = error.issues[0];
  const path = issue?.path.map(String).join('.') || '(root)';

  return `schema_mismatch:${path}:${issue?.code ?? 'unknown'}`;
};

/** A JSON object (not an array, not null). */
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Decodes a source body as strict UTF-8 JSON. Returns the value, or a
 * stable reason code (`not_utf8`, `empty_body`, `html_body`, `not_json`)
 * that a parser turns into an unreadable answer; it never throws.
 */
const decodeJsonBody = (body: Uint8Array): { value: unknown } | string => {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return 'not_utf8';
  }
  const trimmed = text.trim();
  if (trimmed === '') {
    return 'empty_body';
  }
  if (trimmed.startsWith('<')) {
    return 'html_body';
  }
  try {
    return { value: JSON.parse(trimmed) };
  } catch {
    return 'not_json';
  }
};

export { decodeJsonBody, isPlainObject, schemaReason };
