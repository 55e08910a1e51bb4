/**
 * Override files, merged as Terraform merges them: after every other file of
 * the module, whatever the file names' order, in the order of their own
 * names. A block in an override file changes the block of the same name in
 * another file argument by argument; a nested block replaces every block of
 * its type; `lifecycle` merges argument by argument; a local or a variable
 * default replaces the one it names.
 */
import * as path from 'node:path';
import { type ConfigFile, asBlockList, asObject, firstBlock, isPlainObject } from './configuration';
import { InputError } from '../errors';
import { byText } from '../lists';

const OVERRIDE = /(^|_)override\.tf(\.json)?$/;

export function isOverrideFile(file: string): boolean {
  return OVERRIDE.test(path.basename(file));
}

/** The module's files with their override files merged into them (and removed). */
export function applyOverrides(files: readonly ConfigFile[]): ConfigFile[] {
  const overrides = files.filter((f) => isOverrideFile(f.file)).sort(byText((f) => path.basename(f.file)));
  if (overrides.length === 0) return [...files];
  const primary = files.filter((f) => !isOverrideFile(f.file));
  for (const o of overrides) {
    for (const section of ['resource', 'data'] as const) {
      for (const [type, byName] of entries(o.body[section])) {
        for (const [name, raw] of entries(byName)) {
          const base = findBlock(primary, (body) => firstBlock(asObject(asObject(body[section])[type])[name]));
          if (!base)
            throw new InputError(
              o.file,
              `overrides ${section === 'data' ? 'data.' : ''}${type}.${name}, which no other file of the module declares (Terraform rejects this)`,
            );
          mergeBlock(base, firstBlock(raw) ?? {});
        }
      }
    }
    for (const section of ['module', 'variable', 'output'] as const) {
      for (const [name, raw] of entries(o.body[section])) {
        const base = findBlock(primary, (body) => firstBlock(asObject(body[section])[name]));
        if (!base)
          throw new InputError(
            o.file,
            `overrides ${section} "${name}", which no other file of the module declares (Terraform rejects this)`,
          );
        mergeBlock(base, firstBlock(raw) ?? {});
      }
    }
    for (const locals of asBlockList(o.body.locals)) {
      for (const [name, value] of Object.entries(locals)) {
        const base = findBlock(primary, (body) => asBlockList(body.locals).find((l) => Object.hasOwn(l, name)));
        if (!base)
          throw new InputError(
            o.file,
            `overrides local.${name}, which no other file of the module declares (Terraform rejects this)`,
          );
        base[name] = value;
      }
    }
  }
  return primary;
}

/** An argument replaces; a nested block (a list of objects, as hcl2json writes blocks) replaces all of its type; lifecycle merges. */
function mergeBlock(base: Record<string, unknown>, override: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(override)) {
    if (key === 'lifecycle' && isPlainObject(firstBlock(base[key])) && isPlainObject(firstBlock(value))) {
      const merged = { ...firstBlock(base[key]), ...firstBlock(value) };
      base[key] = Array.isArray(base[key]) ? [merged] : merged;
    } else {
      base[key] = value;
    }
  }
}

function findBlock(
  files: readonly ConfigFile[],
  pick: (body: Record<string, unknown>) => Record<string, unknown> | undefined,
): Record<string, unknown> | undefined {
  for (const f of files) {
    const found = pick(f.body);
    if (found) return found;
  }
  return undefined;
}

function entries(v: unknown): [string, unknown][] {
  return isPlainObject(v) ? Object.entries(v) : [];
}
