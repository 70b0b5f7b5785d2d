import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { COVERAGE_METRIC } from '../../packages/core/src/cadence/coverageMetric';
import { receiptPrefixesFor } from '../../packages/core/src/receipts/receiptKeys';
import {
  FUNCTIONS,
  type FunctionSpec,
  SOURCES,
  type SourceId,
} from '../../packages/core/src/topology';
import { LOCK_GUARDED_ACTIONS } from '../../stacks/Storage';
import {
  actionsOf,
  type PolicyStatementJson,
  policyStatements,
  type StackTemplates,
  synthStacks,
} from '../helpers/synthStacks';

/** Services that hold or move Passport data. */
const DATA_SERVICES = [
  's3',
  'sqs',
  'sns',
  'kms',
  'secretsmanager',
  'events',
  'ses',
] as const;

type DataService = (typeof DATA_SERVICES)[number];

const ALL_FUNCTIONS: FunctionSpec[] = [
  ...Object.values(FUNCTIONS),
  ...Object.values(SOURCES).map((source) => source.adapter),
];

/** The source whose receipts a function writes, if it writes any. */
const receiptSourceOf = (spec: FunctionSpec): SourceId | undefined => {
  if (spec.id === FUNCTIONS.leieRefresh.id) return 'oig-leie';
  if (spec.id === FUNCTIONS.nursysNotifications.id) return 'nursys';
  const source = Object.values(SOURCES).find((s) => s.adapter.id === spec.id);

  return source?.kind === 'per-subject' ? source.id : undefined;
};

/** Logical id of a topology function in the Workers template. */
const functionId = (template: Template, spec: FunctionSpec): string => {
  const pattern = new RegExp(
    `^${spec.id.replace(/[^A-Za-z0-9]/g, '')}[0-9A-F]{8}$`,
  );
  const [id] = Object.keys(
    template.findResources('AWS::Lambda::Function'),
  ).filter((key) => pattern.test(key));

  return id ?? '';
};

/** Allow statements of the policies attached to a function's role. */
const roleStatements = (
  template: Template,
  spec: FunctionSpec,
): PolicyStatementJson[] => {
  const fn = template.findResources('AWS::Lambda::Function')[
    functionId(template, spec)
  ];
  const roleId = fn?.Properties.Role['Fn::GetAtt'][0] as string;
  const policies = template.findResources('AWS::IAM::Policy');

  return policyStatements(template, ['AWS::IAM::Policy'])
    .filter(({ owner }) =>
      ((policies[owner]?.Properties.Roles ?? []) as { Ref: string }[]).some(
        (role) => role.Ref === roleId,
      ),
    )
    .map(({ statement }) => statement)
    .filter((statement) => statement.Effect === 'Allow');
};

const resourcesOf = (statement: PolicyStatementJson): string[] =>
  [statement.Resource].flat().map((resource) => JSON.stringify(resource));

/** Resources of a role's statements on one service, as JSON strings. */
const touched = (
  statements: PolicyStatementJson[],
  service: DataService,
): string[] =>
  statements
    .filter((statement) =>
      actionsOf(statement).some((action) => action.startsWith(`${service}:`)),
    )
    .flatMap(resourcesOf);

describe('least privilege of the function roles', () => {
  let stacks: StackTemplates;
  beforeAll(async () => {
    stacks = await synthStacks();
  });

  it('grants no data-service action on every resource', () => {
    const offenders = ALL_FUNCTIONS.flatMap((spec) =>
      DATA_SERVICES.flatMap((service) =>
        touched(roleStatements(stacks.Workers, spec), service)
          .filter(
            (resource) => resource === '"*"' || /:\*"|:\*$/.test(resource),
          )
          .map((resource) => `${spec.id} ${service} ${resource}`),
      ),
    );

    expect(offenders).toEqual([]);
  });

  it('lets a function consume only the queue that feeds it, no DLQ', () => {
    for (const spec of ALL_FUNCTIONS) {
      const fnId = functionId(stacks.Workers, spec);
      const feeds = Object.values(
        stacks.Workers.findResources('AWS::Lambda::EventSourceMapping'),
      )
        .filter((mapping) => mapping.Properties.FunctionName.Ref === fnId)
        .map((mapping) => JSON.stringify(mapping.Properties.EventSourceArn));

      const queues = touched(roleStatements(stacks.Workers, spec), 'sqs');

      expect(new Set(queues), spec.id).toEqual(new Set(feeds));
      expect(queues.filter((queue) => /dlq/i.test(queue))).toEqual([]);
    }
  });

  it("lets receipt writers put objects under their own source's prefixes only", () => {
    for (const spec of ALL_FUNCTIONS) {
      const source = receiptSourceOf(spec);
      const statements = roleStatements(stacks.Workers, spec);

      const objects = touched(statements, 's3');
      const actions = statements
        .filter((s) => actionsOf(s).some((a) => a.startsWith('s3:')))
        .flatMap(actionsOf);

      const expected =
        source === undefined
          ? []
          : receiptPrefixesFor(source).map((prefix) => `/${prefix}*`);
      expect(objects, spec.id).toHaveLength(expected.length);
      for (const prefix of expected) {
        expect(
          objects.some((o) => o.includes(`"${prefix}"`)),
          spec.id,
        ).toBe(true);
      }
      expect(new Set(actions)).toEqual(
        new Set(
          source === undefined ? [] : ['s3:PutObject', 's3:PutObjectRetention'],
        ),
      );
    }
  });

  it('lets only the sweep publish, and only to the requests topic', () => {
    const publishers = ALL_FUNCTIONS.map((spec) => [
      spec.id,
      touched(roleStatements(stacks.Workers, spec), 'sns'),
    ]);

    for (const [id, topics] of publishers) {
      if (id === FUNCTIONS.sweep.id) {
        expect(topics).toEqual([
          expect.stringContaining('VerificationRequests'),
        ]);
      } else {
        expect(topics, String(id)).toEqual([]);
      }
    }
  });

  it('lets only the coverage job put metrics, and only in its namespace', () => {
    for (const spec of ALL_FUNCTIONS) {
      const metricStatements = roleStatements(stacks.Workers, spec).filter(
        (statement) =>
          actionsOf(statement).some((action) =>
            action.startsWith('cloudwatch:'),
          ),
      );
      if (spec.id === FUNCTIONS.coverageReport.id) {
        expect(metricStatements).toEqual([
          expect.objectContaining({
            Action: 'cloudwatch:PutMetricData',
            Condition: {
              StringEquals: {
                'cloudwatch:namespace': COVERAGE_METRIC.namespace,
              },
            },
          }),
        ]);
      } else {
        expect(metricStatements, spec.id).toEqual([]);
      }
    }
  });

  it('uses the data key only through S3 or Secrets Manager', () => {
    for (const spec of ALL_FUNCTIONS) {
      const dataKey = roleStatements(stacks.Workers, spec).filter(
        (statement) =>
          actionsOf(statement).some((a) => a.startsWith('kms:')) &&
          resourcesOf(statement).some((r) => r.includes('DataKey')),
      );

      const services = dataKey.map(
        (statement) =>
          (statement.Condition?.StringEquals as Record<string, string>)?.[
            'kms:ViaService'
          ],
      );

      for (const service of services) {
        expect(service, spec.id).toMatch(
          /^(s3|secretsmanager)\.us-east-2\.amazonaws\.com$/,
        );
      }
    }
  });

  it('puts events only on the Passport bus and reads only named secrets', () => {
    for (const spec of ALL_FUNCTIONS) {
      const statements = roleStatements(stacks.Workers, spec);

      const buses = touched(statements, 'events');
      const secrets = touched(statements, 'secretsmanager');

      for (const bus of buses) expect(bus).toContain('PassportBus');
      for (const secret of secrets) expect(secret).toMatch(/Secret/);
      expect(secrets.length, spec.id).toBeGreaterThan(0);
    }
  });

  it('lets only the Nursys functions read the Nursys credentials', () => {
    const readers = ALL_FUNCTIONS.filter((spec) =>
      touched(roleStatements(stacks.Workers, spec), 'secretsmanager').some(
        (secret) => secret.includes('NursysCredentialsSecret'),
      ),
    ).map((spec) => spec.id);

    expect(readers.sort()).toEqual(
      [SOURCES.nursys.adapter.id, FUNCTIONS.nursysNotifications.id].sort(),
    );
  });

  it('lets senders mail only from the stage address through its set', () => {
    const resources = ALL_FUNCTIONS.flatMap((spec) =>
      touched(roleStatements(stacks.Workers, spec), 'ses'),
    );

    expect(resources.length).toBeGreaterThan(0);
    for (const resource of resources) {
      expect(resource).toMatch(
        /identity\/notifications@|identity\/test\.passport\.invalid|configuration-set/,
      );
    }
  });

  it('grants lock bypass, deletion or lock changes to break-glass alone', () => {
    const guarded = new Set(LOCK_GUARDED_ACTIONS);

    const holders = Object.entries(stacks).flatMap(([stack, template]) =>
      policyStatements(template, ['AWS::IAM::Policy'])
        .filter(
          ({ statement }) =>
            statement.Effect === 'Allow' &&
            actionsOf(statement).some((action) => guarded.has(action)),
        )
        .map(({ owner }) => `${stack}/${owner}`),
    );

    expect(holders).toHaveLength(1);
    expect(holders[0]).toMatch(/^Storage\/ReceiptsBreakGlass/);
  });
});
