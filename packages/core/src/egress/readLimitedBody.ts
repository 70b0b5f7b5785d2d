import { egressErrorFor } from './errors';

/** A streamed body that can be torn down early. */
interface DestroyableBody extends AsyncIterable<Uint8Array | string> {
  destroy(error?: Error): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/**
 * Tears a body down without reading it. Destroying emits an abort error on
 * the stream; a listener swallows it so it cannot crash the process.
 */
const discardBody = (body: DestroyableBody): void => {
  body.on('error', () => undefined);
  body.destroy();
};

/**
 * Reads a body completely but stops, destroying the stream, as soon as it
 * grows past `maxBytes`; a declared `content-length` past the cap is
 * refused before a byte is read.
 */
const readLimitedBody = async (
  body: DestroyableBody,
  options: {
    maxBytes: number;
    contentLength: string | undefined;
    host: string;
    source: string;
  },
): Promise<Uint8Array> => {
  const tooLarge = () =>
    egressErrorFor({
      rule: 'response_too_large',
      host: options.host,
      source: options.source,
      detail: `limit ${options.maxBytes} bytes`,
    });
  const declared = Number(options.contentLength);
  if (options.contentLength !== undefined && declared > options.maxBytes) {
    discardBody(body);
    throw tooLarge();
  }

  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of body) {
    const bytes =
      typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    total += bytes.byteLength;
    if (total > options.maxBytes) {
      discardBody(body);
      throw tooLarge();
    }
    chunks.push(bytes);
  }

  const result = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    result.set(chunk, offset);
    offset += chunk.byteLength;
  }

  return result;
};

export { discardBody, readLimitedBody };
