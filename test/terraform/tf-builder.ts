import type { SourceSpan, TfConfiguration, TfNode, TfResource } from '../../src/terraform/model.js';

/** A value Terraform cannot know statically, as the evaluator hands it over. */
export interface UnknownValue {
  unknown: string;
  reason?: string;
}
export const unknown = (expression: string, reason = 'remote state'): UnknownValue => ({ unknown: expression, reason });

type Plain = string | number | boolean | null | UnknownValue | Plain[] | { [name: string]: Plain };

/**
 * Builds an evaluated configuration from plain values, one `.tf` line per attribute, so that a test
 * states only the attributes it is about and can assert the line a finding lands on.
 */
export class ConfigBuilder {
  private line = 1;
  readonly resources: TfResource[] = [];

  constructor(private readonly file = 'main.tf') {}

  resource(type: string, name: string, body: Record<string, Plain>, mode: 'managed' | 'data' = 'managed'): string {
    const address = `${mode === 'data' ? 'data.' : ''}${type}.${name}`;
    const span = this.next();
    this.resources.push({ mode, type, name, address, span, body: this.object(body, span) });
    this.line += 1;
    return `tf:${address}`;
  }

  build(): TfConfiguration {
    return { resources: this.resources, warnings: [] };
  }

  private next(): SourceSpan {
    return { file: this.file, line: this.line++, column: 1 };
  }

  private object(entries: Record<string, Plain>, span: SourceSpan): TfNode & { kind: 'object' } {
    return { kind: 'object', span, entries: Object.fromEntries(Object.entries(entries).map(([name, value]) => [name, this.node(value)])) };
  }

  private node(value: Plain): TfNode {
    const span = this.next();
    if (Array.isArray(value)) return { kind: 'list', span, items: value.map((item) => this.node(item)) };
    if (value !== null && typeof value === 'object')
      return 'unknown' in value ? { kind: 'unknown', expression: String(value.unknown), reason: String(value.reason), span } : this.object(value as Record<string, Plain>, span);
    return { kind: 'scalar', value, span };
  }

  /** The line the builder gave to the next thing it writes (for asserting lines). */
  get nextLine(): number {
    return this.line;
  }
}
