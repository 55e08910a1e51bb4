/**
 * Who is who, recorded with the synthesized stack: the constructs declare the
 * break-glass, privileged, operator and vendor principals they create, so
 * `recovery-gate check cdktf.out` classifies them without a config file. The
 * declarations land under `"//": { "recovery-gate": { "declarations": … } }`,
 * which Terraform ignores.
 */
import { TerraformResource, TerraformStack } from 'cdktf';
import { addressOf } from './time';

export type DeclaredClass = 'breakGlass' | 'privileged' | 'operators' | 'vendors';

const declared = new WeakMap<TerraformStack, Record<DeclaredClass, Set<string>>>();

/** Declares resources (users or groups) as members of a principal class in their stack's intent. */
export function declarePrincipals(kind: DeclaredClass, ...resources: TerraformResource[]): void {
  for (const resource of resources) {
    const stack = TerraformStack.of(resource);
    let classes = declared.get(stack);
    if (!classes)
      declared.set(
        stack,
        (classes = { breakGlass: new Set(), privileged: new Set(), operators: new Set(), vendors: new Set() }),
      );
    classes[kind].add(addressOf(resource));
    const declarations = Object.fromEntries(Object.entries(classes).map(([k, v]) => [k, [...v].sort()]));
    stack.addOverride('//.recovery-gate.declarations', declarations);
  }
}
