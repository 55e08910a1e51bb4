/**
 * A Stryker ignorer: a rule's `meta` and its message templates are the
 * catalogue's prose and ids, not behaviour. The catalogue, docs and SARIF
 * tests hold them to their sources; mutating a word of a message tells
 * nothing about whether the rule decides right, so those mutants are not made.
 */
import { PluginKind, declareValuePlugin } from '@stryker-mutator/api/plugin';

const REASON = "The rule's catalogue entry and message templates are prose, checked by the catalogue and docs tests";

function isDefineRuleArgument(path) {
  const call = path.parentPath?.parentPath;
  return call?.isCallExpression() && call.node.callee.type === 'Identifier' && call.node.callee.name === 'defineRule';
}

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'catalogue-text', {
    shouldIgnore(path) {
      if (
        path.isObjectProperty() &&
        path.node.key.type === 'Identifier' &&
        path.node.key.name === 'meta' &&
        isDefineRuleArgument(path)
      )
        return REASON;
      // Rules that keep their templates beside the rule: `const messages = { … }`.
      if (
        path.isVariableDeclarator() &&
        path.node.id.type === 'Identifier' &&
        path.node.id.name === 'messages' &&
        path.parentPath.parentPath?.isProgram()
      )
        return REASON;
      return undefined;
    },
  }),
];
