import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { hostsForSource } from '../../packages/core/src/egress/allowList';
import {
  FUNCTIONS,
  type FunctionSpec,
  SCHEDULES,
  SOURCES,
  sourceQueueName,
} from '../../packages/core/src/topology';
import { FUNCTION_ENV } from '../../stacks/functionEnvironment';
import { NOTIFICATIONS_QUEUE } from '../../stacks/queueSettings';
import { RECEIPT_WRITER_TAG } from '../../stacks/receiptWriterTag';
import { resourceName } from '../../stacks/resourceName';
import {
  actionsOf,
  policyStatements,
  type StackTemplates,
  synthStacks,
  TEST_STAGE,
} from '../helpers/synthStacks';

/** Every function the topology declares. */
const ALL_FUNCTIONS: FunctionSpec[] = [
  ...Object.values(FUNCTIONS),
  ...Object.values(SOURCES).map((source) => source.adapter),
];

/** Logical id CDK gives the function built for a topology entry. */
const functionId = (template: Template, spec: FunctionSpec): string => {
  const prefix = spec.id.replace(/[^A-Za-z0-9]/g, '');
  const pattern = new RegExp(`^${prefix}[0-9A-F]{8}$`);
  const ids = Object.keys(template.findResources('AWS::Lambda::Function'));
  const matches = ids.filter((id) => pattern.test(id));
  expect(matches).toHaveLength(1);

  return matches[0] ?? '';
};

/** The import of a Messaging queue's ARN, as Workers refers to it. */
const queueArnImport = (messaging: Template, queueBase: string) => {
  const [id] = Object.keys(
    messaging.findResources('AWS::SQS::Queue', {
      Properties: { QueueName: resourceName(TEST_STAGE, queueBase) },
    }),
  );

  return { 'Fn::ImportValue': Match.stringLikeRegexp(`${id}Arn`) };
};

/** Logical ids of the roles our functions run as. */
const functionRoleIds = (template: Template): string[] =>
  ALL_FUNCTIONS.map((spec) => {
    const fn = template.findResources('AWS::Lambda::Function')[
      functionId(template, spec)
    ];

    return fn?.Properties.Role['Fn::GetAtt'][0] as string;
  });

describe('Workers stack', () => {
  let stacks: StackTemplates;
  beforeAll(async () => {
    stacks = await synthStacks();
  });

  it('sizes every function from the topology, on arm64 with tracing', () => {
    const template = stacks.Workers;

    for (const spec of ALL_FUNCTIONS) {
      const id = functionId(template, spec);

      expect(template.toJSON().Resources[id].Properties).toMatchObject({
        Timeout: spec.timeoutSeconds,
        MemorySize: spec.memoryMb,
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
      });
    }
  });

  it('gives every function each variable of the environment contract', () => {
    const template = stacks.Workers;

    for (const spec of ALL_FUNCTIONS) {
      const id = functionId(template, spec);
      const variables =
        template.toJSON().Resources[id].Properties.Environment.Variables;

      expect(Object.keys(variables)).toEqual(
        expect.arrayContaining(Object.keys(FUNCTION_ENV)),
      );
      expect(variables.ROVN_STAGE).toBe(TEST_STAGE);
    }
  });

  it("limits each function's egress hosts to its own source", () => {
    const template = stacks.Workers;
    const expected: [FunctionSpec, string][] = [
      [SOURCES.nppes.adapter, hostsForSource('nppes').join(',')],
      [SOURCES['oig-leie'].adapter, ''],
      [FUNCTIONS.leieRefresh, hostsForSource('oig-leie').join(',')],
      [FUNCTIONS.sweep, ''],
      [FUNCTIONS.notifier, ''],
    ];

    for (const [spec, hosts] of expected) {
      const id = functionId(template, spec);
      const variables =
        template.toJSON().Resources[id].Properties.Environment.Variables;

      expect(variables.EGRESS_ALLOWED_HOSTS).toBe(hosts);
    }
  });

  it('feeds each adapter its queue in batches with partial failures', () => {
    const template = stacks.Workers;

    for (const source of Object.values(SOURCES)) {
      const fn = functionId(template, source.adapter);

      template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        FunctionName: { Ref: fn },
        EventSourceArn: queueArnImport(
          stacks.Messaging,
          sourceQueueName(source.id),
        ),
        BatchSize: source.queue.batchSize,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        ScalingConfig: { MaximumConcurrency: source.queue.maxConcurrency },
      });
    }
  });

  it('feeds the notifier the notifications queue', () => {
    const template = stacks.Workers;

    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: functionId(template, FUNCTIONS.notifier) },
      EventSourceArn: queueArnImport(stacks.Messaging, 'notifications'),
      BatchSize: NOTIFICATIONS_QUEUE.batchSize,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: NOTIFICATIONS_QUEUE.maxConcurrency },
    });
  });

  it('starts scheduled functions with the exact topology expressions', () => {
    const template = stacks.Workers;

    template.resourceCountIs('AWS::Events::Rule', SCHEDULES.length);
    for (const schedule of SCHEDULES) {
      const fn = functionId(template, FUNCTIONS[schedule.target]);

      template.hasResourceProperties('AWS::Events::Rule', {
        ScheduleExpression: schedule.expression,
        Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [fn, 'Arn'] } })],
      });
    }
  });

  it('allows no wildcard action on any service in any stack', () => {
    const forbidden = new Set(['*', 's3:*', 'sqs:*', 'sns:*', 'kms:*']);
    const types = [
      'AWS::IAM::Policy',
      'AWS::S3::BucketPolicy',
      'AWS::SQS::QueuePolicy',
      'AWS::SNS::TopicPolicy',
    ];

    const offenders = Object.values(stacks).flatMap((template) =>
      policyStatements(template, types).filter(
        ({ statement }) =>
          statement.Effect === 'Allow' &&
          actionsOf(statement).some((action) => forbidden.has(action)),
      ),
    );

    expect(offenders).toEqual([]);
  });

  it('grants no function a lock bypass or a delete on receipts', () => {
    const template = stacks.Workers;
    const roles = new Set(functionRoleIds(template));

    const grants = policyStatements(template, ['AWS::IAM::Policy'])
      .filter(({ owner }) => {
        const policy = template.findResources('AWS::IAM::Policy')[owner];
        const attached = policy?.Properties.Roles as { Ref: string }[];
        return attached.some((role) => roles.has(role.Ref));
      })
      .flatMap(({ statement }) => actionsOf(statement));

    expect(grants).not.toContain('s3:BypassGovernanceRetention');
    expect(grants.filter((action) => action.startsWith('s3:Delete'))).toEqual(
      [],
    );
    expect(grants).toEqual(expect.arrayContaining(['s3:PutObjectRetention']));
  });

  it('tags exactly the receipt writers for the retention exemption', () => {
    const template = stacks.Workers;
    // A bulk source's adapter screens the stored list and writes nothing.
    const writers: FunctionSpec[] = [
      ...Object.values(SOURCES)
        .filter((source) => source.kind === 'per-subject')
        .map((source) => source.adapter),
      FUNCTIONS.leieRefresh,
      FUNCTIONS.nursysNotifications,
    ];
    const tagged = (spec: FunctionSpec): boolean => {
      const fn = template.toJSON().Resources[functionId(template, spec)];
      const role =
        template.toJSON().Resources[fn.Properties.Role['Fn::GetAtt'][0]];
      const tags = (role.Properties.Tags ?? []) as {
        Key: string;
        Value: string;
      }[];
      return tags.some(
        (tag) =>
          tag.Key === RECEIPT_WRITER_TAG.key &&
          tag.Value === RECEIPT_WRITER_TAG.value,
      );
    };

    const result = ALL_FUNCTIONS.map((spec) => [spec.id, tagged(spec)]);

    expect(result).toEqual(
      ALL_FUNCTIONS.map((spec) => [spec.id, writers.includes(spec)]),
    );
  });

  it('lets the notifier send only from its address and configuration set', () => {
    const template = stacks.Workers;

    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: ['ses:SendEmail', 'ses:SendRawEmail'],
            Resource: Match.arrayWith([
              {
                'Fn::Join': [
                  '',
                  Match.arrayWith([
                    Match.stringLikeRegexp(':configuration-set/$'),
                    {
                      'Fn::ImportValue': Match.stringLikeRegexp('RefEmailSet'),
                    },
                  ]),
                ],
              },
            ]),
            Condition: {
              StringEquals: {
                'ses:FromAddress': `notifications@${TEST_STAGE}.passport.invalid`,
              },
            },
          }),
        ]),
      },
    });
  });
});
