import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/**
 * Folders whose modules may reach the network directly: the guard itself,
 * and the local stack's simulator and emulator, which serve or contact
 * loopback only. Everything else must go through the egress client.
 */
const ALLOWED_EXCEPTIONS = [
  'packages/core/src/egress/',
  'packages/local/src/simulator/',
  'packages/local/src/emulator/',
];

const NETWORK_MODULES = new Set(
  ['http', 'https', 'http2', 'net', 'tls', 'dgram'].flatMap((name) => [
    name,
    `node:${name}`,
  ]),
);
const NETWORK_GLOBALS = new Set(['WebSocket', 'EventSource']);

const isNetworkModule = (specifier: string): boolean =>
  NETWORK_MODULES.has(specifier) ||
  specifier === 'undici' ||
  specifier.startsWith('undici/');

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return entry.name === 'node_modules' ? [] : sourceFiles(path);
    }

    return /\.(c|m)?(t|j)sx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')
      ? [path]
      : [];
  });

const callee = (node: ts.Expression): string | undefined => {
  if (ts.isIdentifier(node)) {
    return node.text;
  }
  if (
    ts.isPropertyAccessExpression(node) &&
    ts.isIdentifier(node.expression) &&
    ['globalThis', 'window', 'self', 'global'].includes(node.expression.text)
  ) {
    return node.name.text;
  }

  return undefined;
};

/** Every direct network use in one module's text, as short descriptions. */
const findNetworkUses = (path: string, text: string): string[] => {
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const moduleUse = (specifier: ts.Expression | undefined) => {
    if (specifier === undefined || !ts.isStringLiteralLike(specifier)) {
      found.push('import of a computed module name');
    } else if (isNetworkModule(specifier.text)) {
      found.push(`import of ${specifier.text}`);
    }
  };

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) {
      if (node.moduleSpecifier !== undefined) {
        moduleUse(node.moduleSpecifier);
      }
    } else if (ts.isImportEqualsDeclaration(node)) {
      const ref = node.moduleReference;
      if (ts.isExternalModuleReference(ref)) {
        moduleUse(ref.expression);
      }
    } else if (ts.isCallExpression(node)) {
      const name = callee(node.expression);
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        moduleUse(node.arguments[0]);
      } else if (name === 'require') {
        moduleUse(node.arguments[0]);
      } else if (name === 'fetch') {
        found.push('call of global fetch');
      }
    } else if (ts.isNewExpression(node)) {
      const name = callee(node.expression);
      if (name !== undefined && NETWORK_GLOBALS.has(name)) {
        found.push(`new ${name}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);

  return found;
};

describe('direct network access outside the egress guard', () => {
  it('is absent from every module under packages/', () => {
    const files = sourceFiles(join(ROOT, 'packages'))
      .map((path) => relative(ROOT, path).split(sep).join('/'))
      .filter(
        (path) => !ALLOWED_EXCEPTIONS.some((dir) => path.startsWith(dir)),
      );

    const offenders = files.flatMap((path) =>
      findNetworkUses(path, readFileSync(join(ROOT, path), 'utf8')).map(
        (use) => `${path}: ${use}`,
      ),
    );

    expect(files.length).toBeGreaterThan(0);
    expect(offenders).toEqual([]);
  });

  it('recognises every form of network access it forbids', () => {
    const forms = [
      "import http from 'node:http';",
      "import { request } from 'undici';",
      "export { connect } from 'tls';",
      "const net = require('net');",
      "import https = require('https');",
      "await import('node:dgram');",
      'await import(moduleName);',
      "await fetch('https://evil.example');",
      "await globalThis.fetch('https://evil.example');",
      "new WebSocket('wss://evil.example');",
    ];

    const counts = forms.map(
      (form) => findNetworkUses('probe.ts', form).length,
    );

    expect(counts).toEqual(forms.map(() => 1));
  });

  it('lets calls through the egress client pass', () => {
    const text = [
      "import { createEgressClient } from '../egress/createEgressClient';",
      'const egress = createEgressClient({ stage });',
      "await egress.fetch({ source: 'nppes', url });",
      'const fake = { async fetch(request) { return canned; } };',
    ].join('\n');

    const uses = findNetworkUses('probe.ts', text);

    expect(uses).toEqual([]);
  });
});
