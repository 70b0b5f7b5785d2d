import { App, getStack } from 'sst/constructs';
import { initProject } from 'sst/project.js';
import config, { APP_NAME } from '../sst.config';
import { Alarms } from './Alarms';
import { Messaging } from './Messaging';
import { Storage } from './Storage';
import { Workers } from './Workers';

/** The stacks of the app, by the name their templates are filed under. */
const STACKS = { Storage, Messaging, Workers, Alarms } as const;

/** Name of one stack of the app. */
type StackName = keyof typeof STACKS;

/** A synthesized CloudFormation template. */
type TemplateJson = Record<string, unknown>;

interface OfflineSynthOptions {
  stage: string;
  region: string;
  /** Placeholder account; nothing is looked up. */
  account?: string;
  /** Where CDK writes the cloud assembly; a temporary folder by default. */
  outdir?: string;
  /**
   * Build the function bundles (default true). Without, SST treats every
   * stack as inactive: functions keep an inline placeholder for code,
   * handler and runtime, and everything else in the templates is the same.
   * That takes seconds instead of the minute SST's builds take here.
   */
  bundle?: boolean;
}

/**
 * An app whose `finish` skips the bootstrap-stack lookup, the one step of
 * SST's finish that calls AWS. SST itself skips it under tests; offline
 * synthesis never deploys, so it needs no bootstrap bucket either.
 */
class OfflineApp extends App {
  override isRunningSSTTest(): boolean {
    return true;
  }
}

/**
 * Synthesizes every stack of the app without AWS credentials: loads
 * `sst.config.ts` as `sst` would, builds the function bundles, and returns
 * each stack's CloudFormation template.
 *
 * @param options - stage, region and where to write the assembly
 */
const synthesizeOffline = async (
  options: OfflineSynthOptions,
): Promise<Record<StackName, TemplateJson>> => {
  await initProject({ stage: options.stage, region: options.region });
  const app = new OfflineApp(
    {
      mode: 'deploy',
      name: APP_NAME,
      stage: options.stage,
      region: options.region,
      account: options.account ?? '123456789012',
      ...(options.bundle === false ? { isActiveStack: () => false } : {}),
    },
    options.outdir === undefined ? {} : { outdir: options.outdir },
  );

  await config.stacks(app);
  await app.finish();
  const assembly = app.synth();

  const names = Object.keys(STACKS) as StackName[];
  const templates = names.map((name) => {
    const { stackName } = getStack(STACKS[name]);

    return [name, assembly.getStackByName(stackName).template] as const;
  });

  return Object.fromEntries(templates) as Record<StackName, TemplateJson>;
};

export type { OfflineSynthOptions, StackName, TemplateJson };
export { STACKS, synthesizeOffline };
