/**
 * Synth-time enforcement: one line, `RecoveryGuidance.of(app)`, runs the whole
 * catalogue on every stack when it synthesizes. Findings at or above `failOn`
 * become error annotations on the construct that owns the resource, so
 * synthesis fails and says where; lower ones become warnings.
 *
 * Suppressions improve on cdk-nag's: each names the rule and the construct,
 * gives a reason of at least 20 characters, a ticket, a named approver and an
 * expiry. An expired suppression stops synthesis; an unused one is a warning.
 */
import { Annotations, App, Aspects, IAspect, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { DEFAULT_CONFIG, type Config, visible } from '../policies/config/config';
import { type FailOn, type RuleId, reaches } from '../policies/engine/rule';
import type { Finding } from '../policies/engine/run';
import { checkStack } from './check-stack';
import { parseTime } from '../policies/model/time';

export interface RecoveryGuidanceProps {
  /** Findings at or above this severity fail synthesis; `none` only warns. @default 'high' */
  readonly failOn?: FailOn;
  /** Declarations and thresholds, as in recovery-gate.json. @default the catalogue's defaults */
  readonly config?: Config;
  /** The clock for expiries. @default now */
  readonly now?: Date;
}

export interface SuppressionProps {
  /** The rule whose findings on `construct` (and everything inside it) are accepted. */
  readonly ruleId: RuleId;
  /** The construct the finding names, or one of its parents; a stack for findings about the whole configuration. */
  readonly construct: IConstruct;
  /** Why the risk is accepted, at least 20 characters. */
  readonly reason: string;
  /** The ticket that records the decision. */
  readonly ticket: string;
  /** Who accepted the risk. */
  readonly approver: string;
  /** When the acceptance lapses: at most a year ahead. */
  readonly expires: Date | string;
}

interface Suppression extends SuppressionProps {
  readonly expiresAt: string;
  used: boolean;
}

const MIN_REASON = 20;
const registry = new WeakMap<IConstruct, RecoveryGuidance>();

export class RecoveryGuidance implements IAspect {
  /** The guidance for a scope (an app or a stack), created on first use. */
  static of(scope: IConstruct, props?: RecoveryGuidanceProps): RecoveryGuidance {
    let guidance = registry.get(scope);
    // A second call with other settings would be silently ignored: say so instead.
    if (guidance && props !== undefined && !sameProps(guidance.props, props)) {
      throw new Error(
        `RecoveryGuidance.of(${scope.node.path || 'app'}) was already called with other settings (${describeProps(guidance.props)}); call it once with the settings you want, or without settings to get the existing guidance.`,
      );
    }
    if (!guidance) {
      props ??= {};
      guidance = new RecoveryGuidance(props);
      registry.set(scope, guidance);
      if (scope instanceof TerraformStack) Aspects.of(scope).add(guidance);
      else guidance.beforeSynth(App.of(scope), scope);
    }
    return guidance;
  }

  /**
   * cdktf invokes aspects per stack, starting at the stack: an aspect on the
   * app would never run. So for an app (or any scope above the stacks) the
   * guidance joins every stack inside it when the app synthesizes.
   */
  private beforeSynth(app: App, scope: IConstruct): void {
    const synth = app.synth.bind(app);
    app.synth = () => {
      for (const stack of scope.node.findAll().filter(TerraformStack.isStack)) this.visit(stack);
      synth();
    };
  }

  private readonly suppressions: Suppression[] = [];
  private readonly stacks = new WeakSet<TerraformStack>();

  private constructor(private readonly props: RecoveryGuidanceProps) {}

  /** Accepts one rule's findings on one construct, for a reason, until a date. */
  suppress(props: SuppressionProps): this {
    const where = `Suppression of ${props.ruleId} on ${props.construct.node.path}`;
    if (!/^RG-\d\d$/.test(props.ruleId)) throw new Error(`${where}: "${props.ruleId}" is not a rule id (RG-01…RG-24).`);
    if (visible(props.reason ?? '').length < MIN_REASON)
      throw new Error(`${where}: the reason must say why the risk is accepted, in at least ${MIN_REASON} characters.`);
    if (!visible(props.ticket ?? '')) throw new Error(`${where}: name the ticket that records the decision.`);
    if (!visible(props.approver ?? '')) throw new Error(`${where}: name who approved it.`);
    // Past dates are allowed here: an expired suppression is reported at synth, not refused.
    const expires = typeof props.expires === 'string' ? parseTime(props.expires) : props.expires;
    if (!expires || Number.isNaN(expires.getTime()))
      throw new Error(
        `${where}: expires ${String(props.expires)} is not an RFC 3339 time. Write it like "2027-02-01T00:00:00Z".`,
      );
    const expiresAt = typeof props.expires === 'string' ? props.expires : props.expires.toISOString();
    const maxDays = (this.props.config ?? DEFAULT_CONFIG).thresholds.suppressionMaxDays;
    if ((expires.getTime() - this.now.getTime()) / 86_400_000 > maxDays) {
      throw new Error(
        `${where}: expires ${expiresAt} is more than ${maxDays} days ahead. Accept the risk for at most ${maxDays} days (thresholds.suppressionMaxDays).`,
      );
    }
    this.suppressions.push({ ...props, expiresAt, used: false });
    return this;
  }

  /** Called by cdktf for every construct under the scope; registers each stack's check. */
  visit(node: IConstruct): void {
    if (!(node instanceof TerraformStack) || this.stacks.has(node)) return;
    this.stacks.add(node);
    // Recorded with the stack, so `recovery-gate check cdktf.out` honours them as synth did.
    const own = this.suppressions.filter((s) => s.construct === node || isWithin(s.construct, node));
    if (own.length > 0) {
      node.addOverride(
        '//.recovery-gate.suppressions',
        own.map((s) => ({
          ruleId: s.ruleId,
          construct: s.construct.node.path,
          reason: s.reason,
          ticket: s.ticket,
          approver: s.approver,
          expires: s.expiresAt,
        })),
      );
    }
    // A validation runs after every aspect, on the finished stack.
    node.node.addValidation({ validate: () => this.enforce(node) });
  }

  private get now(): Date {
    return this.props.now ?? new Date();
  }

  private enforce(stack: TerraformStack): string[] {
    const result = checkStack(stack, { config: this.props.config ?? DEFAULT_CONFIG, now: this.now });
    const byPath = new Map(stack.node.findAll().map((c) => [c.node.path, c]));
    for (const finding of result.findings) {
      const construct = (finding.constructPath && byPath.get(finding.constructPath)) || stack;
      const suppression = this.suppressionFor(finding, construct);
      const text = `${finding.ruleId} (${finding.severity}) ${finding.resource ?? 'configuration'}: ${finding.message}`;
      if (suppression)
        Annotations.of(construct).addInfo(
          `${text} [suppressed until ${suppression.expiresAt} by ${suppression.approver}, ${suppression.ticket}: ${suppression.reason}]`,
        );
      else if (reaches(finding.severity, this.props.failOn ?? 'high')) Annotations.of(construct).addError(text);
      else Annotations.of(construct).addWarning(text);
    }
    for (const e of result.errors) Annotations.of(stack).addError(`${e.ruleId} could not run: ${e.message}`);
    for (const s of this.suppressions) {
      if (s.construct !== stack && !isWithin(s.construct, stack)) continue;
      const where = `Suppression of ${s.ruleId} (${s.ticket})`;
      if (new Date(s.expiresAt) <= this.now)
        Annotations.of(s.construct).addError(
          `${where} expired on ${s.expiresAt}: fix the finding or renew the suppression with a new approval.`,
        );
      else if (!s.used) Annotations.of(s.construct).addWarning(`${where} matches no finding: remove it.`);
    }
    return [];
  }

  /** An unexpired suppression for the finding's rule on its construct or a parent. */
  private suppressionFor(finding: Finding, construct: IConstruct): Suppression | undefined {
    const s = this.suppressions.find(
      (x) =>
        x.ruleId === finding.ruleId &&
        (x.construct === construct || isWithin(construct, x.construct)) &&
        new Date(x.expiresAt) > this.now,
    );
    if (s) s.used = true;
    return s;
  }
}

function isWithin(child: IConstruct, parent: IConstruct): boolean {
  return child.node.scopes.includes(parent);
}

function sameProps(a: RecoveryGuidanceProps, b: RecoveryGuidanceProps): boolean {
  return a.failOn === b.failOn && a.config === b.config && a.now?.getTime() === b.now?.getTime();
}

function describeProps(p: RecoveryGuidanceProps): string {
  return `failOn ${p.failOn ?? 'high'}${p.config ? ', a config' : ''}${p.now ? `, now ${p.now.toISOString()}` : ''}`;
}
