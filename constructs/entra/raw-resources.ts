/**
 * Typed constructs for the few resources of providers this project has no
 * bindings for: `microsoft/msgraph` (settings azuread cannot express),
 * `azurerm` log export and alerts, and `random` passwords. Each adds its provider requirement to the
 * stack, so `terraform init` knows where to fetch it.
 */
import { TerraformProvider, TerraformResource, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';

/** A provider without bindings: its block and its `required_providers` entry. */
class UnboundProvider extends TerraformProvider {
  constructor(
    scope: Construct,
    name: string,
    source: string,
    private readonly attributes: Record<string, unknown>,
  ) {
    super(scope, name, {
      terraformResourceType: name,
      terraformGeneratorMetadata: { providerName: name },
      terraformProviderSource: source,
    });
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return this.attributes;
  }
}

const PROVIDERS: Record<string, { source: string; version: string; attributes: Record<string, unknown> }> = {
  msgraph: { source: 'microsoft/msgraph', version: '~> 0.2', attributes: {} },
  azurerm: { source: 'hashicorp/azurerm', version: '~> 4.0', attributes: { features: {} } },
  random: { source: 'hashicorp/random', version: '~> 3.6', attributes: {} },
};

/** Adds the provider to the stack once, unless the stack configures it already (with its own bindings). */
function requireProvider(scope: Construct, name: keyof typeof PROVIDERS): void {
  const stack = TerraformStack.of(scope);
  const present = stack.node
    .findAll()
    .some((c) => TerraformProvider.isTerraformProvider(c) && c.terraformResourceType === name);
  if (present) return;
  const { source, version, attributes } = PROVIDERS[name];
  new UnboundProvider(stack, name, `${source}`, attributes);
  stack.addOverride(`terraform.required_providers.${name}`, { source, version });
}

export interface MsgraphUpdateResourceProps {
  /** The Graph URL relative to the API version (`policies/authenticationMethodsPolicy`). */
  readonly url: string;
  /** The PATCH body. */
  readonly body: Record<string, unknown>;
  /**
   * The Graph API version the URL is on. Some settings exist only in beta
   * (`reportSuspiciousActivitySettings`).
   * @default the provider's (v1.0)
   */
  readonly apiVersion?: 'v1.0' | 'beta';
}

/** `msgraph_update_resource`: PATCHes an existing Graph object and keeps it so. */
export class MsgraphUpdateResource extends TerraformResource {
  constructor(scope: Construct, id: string, props: MsgraphUpdateResourceProps) {
    super(scope, id, {
      terraformResourceType: 'msgraph_update_resource',
      terraformGeneratorMetadata: { providerName: 'msgraph' },
    });
    requireProvider(this, 'msgraph');
    this.addOverride('url', props.url);
    this.addOverride('body', props.body);
    if (props.apiVersion) this.addOverride('api_version', props.apiVersion);
  }
}

export interface ScheduledQueryAlertProps {
  readonly name: string;
  /** The Log Analytics workspace the query reads. */
  readonly workspaceId: string;
  readonly resourceGroupName: string;
  readonly location: string;
  /** KQL; reference resources with tokens (`${user.userPrincipalName}`). */
  readonly query: string;
  /** 0 (critical) to 4. */
  readonly severity: 0 | 1 | 2 | 3 | 4;
  /** Action groups that page someone. */
  readonly actionGroupIds: readonly string[];
}

/** `azurerm_monitor_scheduled_query_rules_alert_v2`: fires when the query returns any row. */
export class ScheduledQueryAlert extends TerraformResource {
  constructor(scope: Construct, id: string, props: ScheduledQueryAlertProps) {
    super(scope, id, {
      terraformResourceType: 'azurerm_monitor_scheduled_query_rules_alert_v2',
      terraformGeneratorMetadata: { providerName: 'azurerm' },
    });
    requireProvider(this, 'azurerm');
    const attributes: Record<string, unknown> = {
      name: props.name,
      resource_group_name: props.resourceGroupName,
      location: props.location,
      scopes: [props.workspaceId],
      evaluation_frequency: 'PT5M',
      window_duration: 'PT5M',
      severity: props.severity,
      enabled: true,
      criteria: [{ query: props.query, time_aggregation_method: 'Count', operator: 'GreaterThan', threshold: 0 }],
      action: [{ action_groups: [...props.actionGroupIds] }],
    };
    for (const [k, v] of Object.entries(attributes)) this.addOverride(k, v);
  }
}

export interface AadDiagnosticSettingProps {
  readonly name: string;
  readonly workspaceId: string;
  readonly categories: readonly string[];
}

/** `azurerm_monitor_aad_diagnostic_setting`: exports Entra ID log categories. */
export class AadDiagnosticSetting extends TerraformResource {
  constructor(scope: Construct, id: string, props: AadDiagnosticSettingProps) {
    super(scope, id, {
      terraformResourceType: 'azurerm_monitor_aad_diagnostic_setting',
      terraformGeneratorMetadata: { providerName: 'azurerm' },
    });
    requireProvider(this, 'azurerm');
    this.addOverride('name', props.name);
    this.addOverride('log_analytics_workspace_id', props.workspaceId);
    this.addOverride(
      'enabled_log',
      props.categories.map((category) => ({ category })),
    );
  }
}

/**
 * `random_password`: a generated secret, kept in state and marked sensitive by
 * the provider, so it is never printed. `result` is the password.
 */
export class RandomPassword extends TerraformResource {
  constructor(scope: Construct, id: string, props: { readonly length: number }) {
    super(scope, id, {
      terraformResourceType: 'random_password',
      terraformGeneratorMetadata: { providerName: 'random' },
    });
    requireProvider(this, 'random');
    this.addOverride('length', props.length);
    this.addOverride('special', true);
  }

  /** The generated password (a reference: its value never leaves state). */
  get result(): string {
    return this.getStringAttribute('result');
  }
}
