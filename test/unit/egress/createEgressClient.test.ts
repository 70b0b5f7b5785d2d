import { afterEach, describe, expect, it } from 'vitest';
import { createEgressClient } from '../../../packages/core/src/egress/createEgressClient';
import {
  EgressConnectionError,
  EgressHostRefusedError,
  EgressRedirectError,
  EgressRefusedError,
  EgressRequestRefusedError,
  EgressResponseRefusedError,
  EgressTimeoutError,
} from '../../../packages/core/src/egress/errors';
import type {
  EgressLimits,
  Resolver,
} from '../../../packages/core/src/egress/types';
import { ConfigError } from '../../../packages/core/src/errors';
import {
  countingResolver,
  NPPES_URL,
  nppesTo,
  PUBLIC_V4,
  type Route,
  resolverFromTable,
  startSource,
} from './egressFixtures';

type Source = Awaited<ReturnType<typeof startSource>>;

let source: Source | undefined;

afterEach(async () => {
  await source?.close();
  source = undefined;
});

const json =
  (body: unknown): Route =>
  (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  };

const redirectTo =
  (location: string, status = 302): Route =>
  (_req, res) => {
    res.writeHead(status, { location }).end();
  };

/** A client whose NPPES traffic goes to the local source on `base`. */
const localClient = (
  base: string,
  options: {
    hosts?: string[];
    resolve?: Resolver;
    limits?: Partial<EgressLimits>;
  } = {},
) =>
  createEgressClient({
    stage: 'test',
    resolve:
      options.resolve ??
      resolverFromTable({ 'npiregistry.cms.hhs.gov': [PUBLIC_V4] }),
    ...(options.limits === undefined
      ? {}
      : { limits: { nppes: options.limits } }),
    localAllowance: {
      hosts: options.hosts ?? ['127.0.0.1'],
      allowHttp: true,
      allowLoopback: true,
      rewrite: nppesTo(base),
    },
  });

const startLocal = async (routes: Record<string, Route>) => {
  source = await startSource(routes);

  return { source, base: `http://127.0.0.1:${source.port}` };
};

const refusal = (error: unknown) =>
  error instanceof EgressRefusedError
    ? { type: error.constructor, rule: error.rule, retryable: error.retryable }
    : error;

describe('createEgressClient', () => {
  it('returns the exact bytes, status and media type of an allowed call', async () => {
    const { base } = await startLocal({
      '/nppes/api/': json({ result_count: 0 }),
    });
    const egress = localClient(base);

    const res = await egress.fetch({
      source: 'nppes',
      url: NPPES_URL,
      accept: ['application/json'],
    });

    expect({
      status: res.status,
      contentType: res.contentType,
      body: new TextDecoder().decode(res.body),
      url: res.url,
    }).toEqual({
      status: 200,
      contentType: 'application/json',
      body: '{"result_count":0}',
      url: `${base}/nppes/api/?version=2.1&number=1234567893`,
    });
  });

  it('follows a redirect within the allowance after checking it again', async () => {
    const { base, source: local } = await startLocal({
      '/nppes/api/': redirectTo('/nppes/moved/'),
      '/nppes/moved/': json({ result_count: 0 }),
    });
    const egress = localClient(base);

    const res = await egress.fetch({ source: 'nppes', url: NPPES_URL });

    expect([res.status, local.hits.map((hit) => hit.path)]).toEqual([
      200,
      ['/nppes/api/', '/nppes/moved/'],
    ]);
  });

  it('refuses a redirect to a host off the list', async () => {
    const { base, source: local } = await startLocal({
      '/nppes/api/': redirectTo('https://evil.example/collect'),
    });
    const egress = localClient(base);

    const act = egress.fetch({ source: 'nppes', url: NPPES_URL });

    await expect(act.catch(refusal)).resolves.toEqual({
      type: EgressHostRefusedError,
      rule: 'host_not_allowed',
      retryable: false,
    });
    expect(local.hits).toHaveLength(1);
  });

  it('refuses a redirect to a private IP literal', async () => {
    const { base } = await startLocal({
      '/nppes/api/': redirectTo('https://10.0.0.7/'),
    });
    const egress = localClient(base);

    const act = egress.fetch({ source: 'nppes', url: NPPES_URL });

    await expect(act).rejects.toMatchObject({ rule: 'ip_literal' });
  });

  it('refuses a redirect to a name resolving to a private address', async () => {
    const { base, source: local } = await startLocal({
      '/nppes/api/': redirectTo('http://rovn-inner.invalid:8080/admin'),
    });
    const egress = localClient(base, {
      hosts: ['127.0.0.1', 'rovn-inner.invalid'],
      resolve: resolverFromTable({ 'rovn-inner.invalid': ['10.0.0.7'] }),
    });

    const act = egress.fetch({ source: 'nppes', url: NPPES_URL });

    await expect(act).rejects.toMatchObject({
      rule: 'resolved_private_address',
      retryable: false,
    });
    expect(local.hits).toHaveLength(1);
  });

  it("refuses a redirect to another source's host", async () => {
    const { base } = await startLocal({
      '/nppes/api/': redirectTo(
        'https://oig.hhs.gov/exclusions/downloadables/UPDATED.csv',
        301,
      ),
    });
    const egress = localClient(base);

    const act = egress.fetch({ source: 'nppes', url: NPPES_URL });

    await expect(act).rejects.toMatchObject({ rule: 'host_not_for_source' });
  });

  it('stops after three redirects', async () => {
    const { base, source: local } = await startLocal({
      '/nppes/api/': redirectTo('/nppes/api/', 307),
    });
    const egress = localClient(base);

    const act = egress.fetch({ source: 'nppes', url: NPPES_URL });

    await expect(act.catch(refusal)).resolves.toEqual({
      type: EgressRedirectError,
      rule: 'redirect_limit',
      retryable: false,
    });
    expect(local.hits).toHaveLength(4);
  });

  it('drops credentials when a redirect changes origin', async () => {
    const { base, source: local } = await startLocal({
      '/nppes/api/': (_req, res) => {
        redirectTo(`http://rovn-other.invalid:${local.port}/nppes/next`)(
          _req,
          res,
        );
      },
      '/nppes/next': json({}),
    });
    const egress = localClient(base, {
      hosts: ['127.0.0.1', 'rovn-other.invalid'],
      resolve: resolverFromTable({ 'rovn-other.invalid': ['127.0.0.1'] }),
    });

    await egress.fetch({
      source: 'nppes',
      url: NPPES_URL,
      headers: { authorization: 'Bearer made-up', 'user-agent': 'rovn-test' },
    });

    const second = local.hits[1]?.headers;
    expect([second?.authorization, second?.['user-agent']]).toEqual([
      undefined,
      'rovn-test',
    ]);
  });

  it('aborts a streamed body past the size cap', async () => {
    const { base } = await startLocal({
      '/nppes/api/': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('x'.repeat(800));
        res.write('x'.repeat(800));
        res.end();
      },
    });
    const egress = localClient(base, { limits: { maxBytes: 1000 } });

    const act = egress.fetch({ source: 'nppes', url: NPPES_URL });

    await expect(act.catch(refusal)).resolves.toEqual({
      type: EgressResponseRefusedError,
      rule: 'response_too_large',
      retryable: false,
    });
  });

  it('refuses a declared length past the size cap', async () => {
    const { base } = await startLocal({
      '/nppes/api/': (_req, res) => {
        res.writeHead(200, {
          'content-type': 'application/json',
          'content-length': 2000,
        });
        res.end('y'.repeat(2000));
      },
    });
    const egress = localClient(base, { limits: { maxBytes: 1000 } });

    const act = egress.fetch({ source: 'nppes', url: NPPES_URL });

    await expect(act).rejects.toMatchObject({ rule: 'response_too_large' });
  });

  it('times out on a source that never answers', async () => {
    const { base } = await startLocal({ '/nppes/api/': () => undefined });
    const egress = localClient(base, { limits: { timeoutMs: 150 } });

    const act = egress.fetch({ source: 'nppes', url: NPPES_URL });

    await expect(act.catch(refusal)).resolves.toEqual({
      type: EgressTimeoutError,
      rule: 'timeout',
      retryable: true,
    });
  });

  it('times out on a body that stops halfway', async () => {
    const { base } = await startLocal({
      '/nppes/api/': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"result_count": 1, "results": [');
      },
    });
    const egress = localClient(base, { limits: { timeoutMs: 150 } });

    const act = egress.fetch({ source: 'nppes', url: NPPES_URL });

    await expect(act.catch(refusal)).resolves.toEqual({
      type: EgressTimeoutError,
      rule: 'timeout',
      retryable: true,
    });
  });

  it('sends a body with its length, not chunked', async () => {
    let seen:
      | {
          length: string | undefined;
          chunked: string | undefined;
          body: string;
        }
      | undefined;
    const { base } = await startLocal({
      '/nppes/api/': async (req, res) => {
        let body = '';
        for await (const chunk of req) body += String(chunk);
        seen = {
          length: req.headers['content-length'],
          chunked: req.headers['transfer-encoding'],
          body,
        };
        json({ ok: true })(req, res);
      },
    });
    const egress = localClient(base);

    await egress.fetch({
      source: 'nppes',
      url: NPPES_URL,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":"Zoë"}',
    });

    expect(seen).toEqual({
      length: String(Buffer.byteLength('{"name":"Zoë"}')),
      chunked: undefined,
      body: '{"name":"Zoë"}',
    });
  });

  it('refuses a success whose content type the caller cannot parse', async () => {
    const { base } = await startLocal({
      '/nppes/api/': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' }).end('<html/>');
      },
    });
    const egress = localClient(base);

    const act = egress.fetch({
      source: 'nppes',
      url: NPPES_URL,
      accept: ['application/json'],
    });

    await expect(act.catch(refusal)).resolves.toEqual({
      type: EgressResponseRefusedError,
      rule: 'content_type_refused',
      retryable: false,
    });
  });

  it('returns an error status as it came, whatever its content type', async () => {
    const { base } = await startLocal({
      '/nppes/api/': (_req, res) => {
        res.writeHead(503, { 'content-type': 'text/html' }).end('<html/>');
      },
    });
    const egress = localClient(base);

    const res = await egress.fetch({
      source: 'nppes',
      url: NPPES_URL,
      accept: ['application/json'],
    });

    expect([res.status, res.contentType]).toEqual([503, 'text/html']);
  });

  it('reports a refused connection as retryable', async () => {
    const { base, source: local } = await startLocal({});
    await local.close();
    source = undefined;
    const egress = localClient(base);

    const act = egress.fetch({ source: 'nppes', url: NPPES_URL });

    await expect(act.catch(refusal)).resolves.toEqual({
      type: EgressConnectionError,
      rule: 'connection_failed',
      retryable: true,
    });
  });

  it('refuses a caller-set Host header before any connection', async () => {
    const { base, source: local } = await startLocal({
      '/nppes/api/': json({}),
    });
    const egress = localClient(base);

    const act = egress.fetch({
      source: 'nppes',
      url: NPPES_URL,
      headers: { Host: 'evil.example' },
    });

    await expect(act.catch(refusal)).resolves.toEqual({
      type: EgressRequestRefusedError,
      rule: 'header_not_allowed',
      retryable: false,
    });
    expect(local.hits).toHaveLength(0);
  });

  it('keeps the query string out of refusal messages', async () => {
    const { base } = await startLocal({
      '/nppes/api/': redirectTo('https://evil.example/?last_name=Quill'),
    });
    const egress = localClient(base);

    const error = await egress
      .fetch({ source: 'nppes', url: `${NPPES_URL}&last_name=Quill` })
      .catch((caught: unknown) => caught);

    expect(String((error as Error).message)).not.toMatch(/Quill|1234567893/);
  });
});

describe('createEgressClient connection pinning', () => {
  it('resolves once and connects to the checked address', async () => {
    const local = await startSource({ '/nppes/api/': json({}) });
    source = local;
    const resolver = countingResolver('127.0.0.1', '10.66.0.1');
    const egress = localClient(`http://rovn-sim.invalid:${local.port}`, {
      hosts: ['rovn-sim.invalid'],
      resolve: resolver.resolve,
    });

    const res = await egress.fetch({ source: 'nppes', url: NPPES_URL });

    expect({
      status: res.status,
      calls: resolver.calls,
      host: local.hits[0]?.headers.host,
    }).toEqual({
      status: 200,
      calls: ['rovn-sim.invalid'],
      host: `rovn-sim.invalid:${local.port}`,
    });
  });

  it('resolves again for every redirect hop', async () => {
    const local = await startSource({
      '/nppes/api/': redirectTo('/nppes/moved/'),
      '/nppes/moved/': json({}),
    });
    source = local;
    const resolver = countingResolver('127.0.0.1', '10.66.0.1');
    const egress = localClient(`http://rovn-sim.invalid:${local.port}`, {
      hosts: ['rovn-sim.invalid'],
      resolve: resolver.resolve,
    });

    const act = egress.fetch({ source: 'nppes', url: NPPES_URL });

    await expect(act).rejects.toMatchObject({
      rule: 'resolved_private_address',
    });
    expect([resolver.calls.length, local.hits.length]).toEqual([2, 1]);
  });
});

describe('createEgressClient local allowance', () => {
  const allowance = {
    hosts: ['127.0.0.1'],
    allowHttp: true,
    allowLoopback: true,
  };

  it.each(['prod', 'production', 'prod-eu', 'Prod'])(
    'refuses a local allowance on stage %s',
    (stage) => {
      const act = () =>
        createEgressClient({ stage, localAllowance: allowance });

      expect(act).toThrow(ConfigError);
    },
  );

  it('accepts a local allowance on a non-production stage', () => {
    const act = () =>
      createEgressClient({ stage: 'product-demo', localAllowance: allowance });

    expect(act).not.toThrow();
  });

  it('refuses a production host as an allowance host', () => {
    const act = () =>
      createEgressClient({
        stage: 'dev',
        localAllowance: { ...allowance, hosts: ['NPIRegistry.cms.hhs.gov.'] },
      });

    expect(act).toThrow(ConfigError);
  });
});
