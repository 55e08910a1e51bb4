/**
 * The reset-authority graph: who can end up changing whose authentication.
 * Nodes are principals (users, groups, guests, applications, service
 * principals), the scopes reset authority reaches, and each provider's
 * authentication policy. Every edge names the resource that creates it, so
 * each step of a path names the code to change.
 *
 * Reading an edge `a → b`: whoever controls `a` can act as (or reach) `b`.
 * A scope node `users in X` stands for "reset the authentication of any user
 * in X"; it `includes` each of them, and resetting someone is becoming them.
 */
import type { Resource } from '../model/resource';

export type EdgeKind =
  | 'member of'
  | 'eligible for'
  | 'approves own activation of'
  | 'can reset'
  | 'includes'
  | 'can add members to'
  | 'owns'
  | 'acts as'
  | 'can change'
  | 'holds app permission'
  | 'excluded from';

export interface GraphNode {
  readonly id: string;
  readonly label: string;
  readonly kind: 'user' | 'group' | 'application' | 'service principal' | 'scope' | 'policy' | 'exemption';
  readonly resource?: Resource;
  /** A scope node of reset authority: the group or unit whose users it stands for (none for every user of a directory). */
  readonly container?: string;
  /** A privileged identity, a break-glass account, or an authentication policy: where paths end. */
  readonly target: boolean;
  /** Signing in without the MFA a policy requires: where exemption paths end (RG-08), kept apart from privilege. */
  readonly exemption?: boolean;
  /** A principal outside the privileged tier: where paths start. */
  readonly source: boolean;
}

export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
  /** The resource that creates the edge. */
  readonly resource: string;
  readonly detail?: string;
}

export interface ResetGraph {
  readonly nodes: ReadonlyMap<string, GraphNode>;
  readonly edges: readonly GraphEdge[];
}
