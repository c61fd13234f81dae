import type { SourceSpan } from '../model.js';

/**
 * HCL native syntax as the evaluator reads it (HashiCorp's HCL native syntax specification: structural
 * elements, expressions and templates). Every node keeps its span and source text, so an unknown value
 * can name the expression it came from.
 */
export interface HclBody {
  attributes: HclAttribute[];
  blocks: HclBlock[];
}

/** `name = expression` in a body. */
export interface HclAttribute {
  name: string;
  expression: HclExpression;
  span: SourceSpan;
}

/** `type "label" … { body }`. */
export interface HclBlock {
  /** `resource`, `variable`, `oidc_options`… */
  type: string;
  /** `["pingone_application", "storefront"]`. */
  labels: string[];
  body: HclBody;
  span: SourceSpan;
}

/** One step of a traversal after its root: `.name` or `[key]`. */
export type HclStep = { kind: 'attribute'; name: string } | { kind: 'index'; key: HclExpression };

interface Node {
  span: SourceSpan;
  /** The expression as written, for messages ("not evaluated: data.terraform_remote_state.core.outputs.env_id"). */
  text: string;
}

/** An HCL expression as parsed, before evaluation, with its text and place. */
export type HclExpression = Node &
  (
    | { type: 'literal'; value: string | number | boolean | null }
    /** A quoted or heredoc template: literal parts are already unescaped. */
    | { type: 'template'; parts: Array<string | HclExpression>; heredocIndent: boolean }
    | { type: 'tuple'; items: HclExpression[] }
    | { type: 'object'; items: Array<{ key: HclExpression; value: HclExpression; span: SourceSpan }> }
    /** `var.region`, `pingone_application.x["eu"].id`, `each.value`: a root name followed by steps. */
    | { type: 'traversal'; root: string; steps: HclStep[] }
    /** Steps applied to something that is not a plain name: `local.apps[0]` is a traversal, `merge(a, b).x` is this. */
    | { type: 'relative'; target: HclExpression; steps: HclStep[] }
    | { type: 'call'; name: string; args: HclExpression[]; expandFinal: boolean }
    | { type: 'conditional'; condition: HclExpression; then: HclExpression; else: HclExpression }
    | { type: 'binary'; operator: string; left: HclExpression; right: HclExpression }
    | { type: 'unary'; operator: '-' | '!'; operand: HclExpression }
    | { type: 'for'; keyName?: string; valueName: string; collection: HclExpression; key?: HclExpression; value: HclExpression; condition?: HclExpression; grouping: boolean }
    /** Syntax the evaluator does not interpret (splat, template directives): always unknown. */
    | { type: 'unsupported'; reason: string }
  );
