/** `paths` as a library call: who can end up changing whose authentication, step by step, per stack. */
import { DEFAULT_CONFIG } from '../config/config';
import { contextsOf } from '../engine/run';
import { type PathOptions, searchPaths, sortPaths } from '../graph/paths';
import type { PathsReport } from '../reporters/paths';
import type { RuleContext } from '../tenant/context';
import type { RunSettings } from './check';
import { type StackOptions, loadStacks } from './stacks';

export interface PathsOptions extends PathOptions, Omit<RunSettings, 'rules'>, Omit<StackOptions, 'scope'> {}

export async function paths(inputs: readonly string[], options: PathsOptions = {}): Promise<PathsReport[]> {
  const config = options.config ?? DEFAULT_CONFIG;
  const stacks = await loadStacks(inputs, config, options);
  return contextsOf(stacks, { config, now: options.now }).map((ctx) => pathsOf(ctx, options));
}

/** A stack's attack paths, from a context that may already hold its graph. */
export function pathsOf(ctx: RuleContext, options: PathOptions = {}): PathsReport {
  const privilege = searchPaths(ctx.resetGraph, options);
  // Ways into an MFA exemption are paths too (RG-08), found apart so they never hide a way to an administrator.
  const exemption =
    options.to === undefined
      ? searchPaths(ctx.resetGraph, { ...options, goal: 'exemption' })
      : { paths: [], omitted: 0 };
  return {
    stack: ctx.stack.name,
    graph: ctx.resetGraph,
    paths: sortPaths([...privilege.paths, ...exemption.paths]),
    omitted: privilege.omitted + exemption.omitted,
  };
}

/** Whether any path was found: `paths` fails then. */
export const pathsFound = (reports: readonly PathsReport[]): boolean => reports.some((r) => r.paths.length > 0);
