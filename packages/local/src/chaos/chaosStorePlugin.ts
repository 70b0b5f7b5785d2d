import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import { TableNode } from 'kysely';
import { assertAlive, chaosStep, currentChaos } from './invocationChaos';

/** `insert results`, `update checks`, `select`: what a query is, briefly. */
const describeQuery = (node: RootOperationNode): string => {
  const verb = node.kind.replace(/QueryNode$|Node$/, '').toLowerCase();
  const target =
    node.kind === 'InsertQueryNode'
      ? node.into?.table.identifier.name
      : node.kind === 'UpdateQueryNode' &&
          node.table !== undefined &&
          TableNode.is(node.table)
        ? node.table.table.identifier.name
        : undefined;

  return target === undefined ? verb : `${verb} ${target}`;
};

/**
 * The store hook of the chaos run: every query is a step of the running
 * invocation, so it may be killed after any of them (inside a transaction
 * that rolls it back, as a crash before the commit would), and no query of
 * a killed invocation reaches the store.
 */
class ChaosStorePlugin implements KyselyPlugin {
  readonly #described = new WeakMap<object, string>();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    assertAlive();
    this.#described.set(args.queryId, describeQuery(args.node));

    return args.node;
  }

  async transformResult(
    args: PluginTransformResultArgs,
  ): Promise<QueryResult<UnknownRow>> {
    const chaos = currentChaos();
    if (chaos === undefined) return args.result;
    chaos.queries += 1;
    await chaos.afterQuery?.(chaos);
    chaosStep(`after db:${this.#described.get(args.queryId) ?? 'query'}`);

    return args.result;
  }
}

export { ChaosStorePlugin };
