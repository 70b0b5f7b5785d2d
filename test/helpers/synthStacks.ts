import { Template } from 'aws-cdk-lib/assertions';
import { HOME_REGION } from '../../packages/core/src/topology';
import {
  type StackName,
  synthesizeOffline,
} from '../../stacks/synthesizeOffline';

/** Stage every stack test synthesizes. */
const TEST_STAGE = 'test';

/** CDK assertion templates of every stack, by stack name. */
type StackTemplates = Record<StackName, Template>;

/**
 * Synthesizes all stacks offline and wraps each template for assertions.
 * Call it once per test file, in `beforeAll`: a synth takes seconds, with
 * `bundle` (function builds) about a minute.
 *
 * @param options - `bundle` builds the function code too (default false)
 */
const synthStacks = async (
  options: { bundle?: boolean; stage?: string } = {},
): Promise<StackTemplates> => {
  const templates = await synthesizeOffline({
    stage: options.stage ?? TEST_STAGE,
    region: HOME_REGION,
    bundle: options.bundle ?? false,
  });

  const entries = Object.entries(templates).map(
    ([name, json]) => [name, Template.fromJSON(json)] as const,
  );

  return Object.fromEntries(entries) as StackTemplates;
};

/** One IAM statement as it appears in a synthesized template. */
interface PolicyStatementJson {
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource?: unknown;
  Condition?: Record<string, unknown>;
  Principal?: unknown;
  Sid?: string;
}

/**
 * Every statement of the given resource types' policy documents, with the
 * logical id of the resource that holds it.
 *
 * @param template - the template to read
 * @param types - resource types whose `PolicyDocument` to read
 */
const policyStatements = (
  template: Template,
  types: readonly string[],
): { owner: string; statement: PolicyStatementJson }[] =>
  types.flatMap((type) =>
    Object.entries(template.findResources(type)).flatMap(([owner, resource]) =>
      (
        resource.Properties.PolicyDocument.Statement as PolicyStatementJson[]
      ).map((statement) => ({ owner, statement })),
    ),
  );

/** The actions of a statement as a list. */
const actionsOf = (statement: PolicyStatementJson): string[] =>
  Array.isArray(statement.Action) ? statement.Action : [statement.Action];

export type { PolicyStatementJson, StackTemplates };
export { actionsOf, policyStatements, synthStacks, TEST_STAGE };
