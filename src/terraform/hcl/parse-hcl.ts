import { createRequire } from 'node:module';
import { Language, type Node, Parser, type TreeCursor } from 'web-tree-sitter';
import type { SourceSpan } from '../model.js';
import { unescapeQuoted } from './escapes.js';
import type { HclBody, HclExpression, HclStep } from './syntax.js';

/** A syntax error in a .tf or .tfvars file, with where it is (1-based). */
export class HclSyntaxError extends Error {
  constructor(
    readonly span: SourceSpan,
    message: string,
  ) {
    super(message);
    this.name = 'HclSyntaxError';
  }
}

let parserReady: Promise<Parser> | undefined;

/**
 * The tree-sitter parser with the Terraform dialect of the HCL grammar (`@tree-sitter-grammars/tree-sitter-hcl`,
 * its prebuilt WebAssembly: no native code), loaded once per process.
 */
function hclParser(): Promise<Parser> {
  parserReady ??= (async () => {
    await Parser.init();
    const grammar = createRequire(import.meta.url).resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm');
    const parser = new Parser();
    parser.setLanguage(await Language.load(grammar));
    return parser;
  })();
  return parserReady;
}

/**
 * Parses one file of HCL native syntax (a `.tf` or `.tfvars` file) into its body.
 * `file` is the name spans carry (relative to the working directory, forward slashes).
 * @throws HclSyntaxError at the first syntax error.
 */
export async function parseHcl(text: string, file: string): Promise<HclBody> {
  const parser = await hclParser();
  const tree = parser.parse(text);
  if (tree === null) throw new HclSyntaxError({ file, line: 1, column: 1 }, 'the parser gave up on this file');
  try {
    const root = tree.rootNode;
    // Checked first: reading the tree (and finding its first error) recurses once per level.
    const cursor = tree.walk();
    const tooDeep = deeperThan(cursor, MAX_TREE_DEPTH);
    cursor.delete();
    if (tooDeep !== undefined) throw new HclSyntaxError(spanAt(tooDeep, file), `HCL nested deeper than ${MAX_TREE_DEPTH} syntax levels, which pingone-audit does not read`);
    if (root.hasError) throw syntaxError(root, file);
    const body = root.namedChildren.find((child) => child?.type === 'body');
    return body ? new Reader(file, text).body(body) : { attributes: [], blocks: [] };
  } finally {
    tree.delete();
  }
}

/**
 * How deep the syntax tree may go (each bracket or block level takes a few tree levels): far beyond any real
 * configuration, well within the stack the recursive reading below needs.
 */
const MAX_TREE_DEPTH = 1000;

/** The first node deeper than `limit`, walked without recursion, or undefined when the tree is shallower. */
function deeperThan(cursor: TreeCursor, limit: number): Node | undefined {
  let depth = 0;
  for (;;) {
    if (depth > limit) return cursor.currentNode;
    if (cursor.gotoFirstChild()) depth += 1;
    else {
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return undefined;
        depth -= 1;
      }
    }
  }
}

const CLOSING = new Set(['}', ']', ')']);

function syntaxError(root: Node, file: string): HclSyntaxError {
  const bad = firstBroken(root) ?? root;
  // A closing bracket missing at the end of the file is named where its block or value opens, as Terraform does.
  let opened = bad.isMissing && CLOSING.has(bad.type) ? bad.parent : null;
  while (opened?.type.endsWith('_end')) opened = opened.parent;
  if (opened !== null && opened.startPosition.row < bad.startPosition.row) {
    return new HclSyntaxError(spanAt(opened, file), `HCL syntax error: the ${opened.type === 'block' ? 'block' : 'value'} opened here has no closing ${bad.type}`);
  }
  const what = bad.isMissing ? `missing ${bad.type}` : `unexpected ${excerpt(bad.text)}`;
  return new HclSyntaxError(spanAt(bad, file), `HCL syntax error: ${what}`);
}

/**
 * What the error is at, without quoting a value: a name (an attribute or keyword) whole, otherwise one character,
 * since the text there may be a string literal holding a secret.
 */
function excerpt(text: string): string {
  const name = /^[A-Za-z_][\w-]{0,39}/.exec(text)?.[0];
  return name !== undefined ? JSON.stringify(name) : text === '' ? 'the end of the file' : JSON.stringify(text[0]);
}

function firstBroken(node: Node): Node | undefined {
  if (node.isError || node.isMissing) return node;
  for (const child of node.children) {
    if (child?.hasError || child?.isMissing) return firstBroken(child);
  }
  return undefined;
}

function spanAt(node: Node, file: string): SourceSpan {
  return { file, line: node.startPosition.row + 1, column: node.startPosition.column + 1 };
}

const BINARY_OPERATORS = new Set(['*', '/', '%', '+', '-', '>', '>=', '<', '<=', '==', '!=', '&&', '||']);
const POSTFIX = new Set(['get_attr', 'index', 'splat']);

/** Turns the grammar's concrete tree into {@link HclBody}; the grammar flattens `a.b[c]` into sibling nodes, which `term` regroups. */
class Reader {
  constructor(
    private readonly file: string,
    private readonly source: string,
  ) {}

  body(node: Node): HclBody {
    const body: HclBody = { attributes: [], blocks: [] };
    for (const child of named(node)) {
      if (child.type === 'attribute') {
        const [name, value] = named(child);
        if (name && value) body.attributes.push({ name: name.text, expression: this.expression(value), span: this.span(child) });
      } else if (child.type === 'block') {
        const parts = named(child);
        const labels = parts.filter((part) => part.type === 'string_lit' || part.type === 'identifier').slice(1);
        const inner = parts.find((part) => part.type === 'body');
        body.blocks.push({
          type: parts[0]?.text ?? '',
          labels: labels.map((label) => (label.type === 'identifier' ? label.text : unescapeQuoted(this.quotedText(label)))),
          body: inner ? this.body(inner) : { attributes: [], blocks: [] },
          span: this.span(child),
        });
      }
    }
    return body;
  }

  expression(node: Node): HclExpression {
    if (node.type === 'expression') {
      const conditional = named(node).find((child) => child.type === 'conditional');
      if (conditional) return this.conditional(conditional);
      return this.term(node.children.filter(isPresent), node);
    }
    return this.term([node], node);
  }

  private conditional(node: Node): HclExpression {
    const [condition, then, otherwise] = named(node).map((child) => this.expression(child));
    if (!condition || !then || !otherwise) return this.unsupported(node, 'incomplete conditional');
    return { type: 'conditional', condition, then, else: otherwise, ...this.at(node) };
  }

  /** One `_expr_term` spread over sibling nodes: a head (or a parenthesised expression) then `.attr`, `[index]`, splats. */
  private term(nodes: Node[], whole: Node): HclExpression {
    let position = 0;
    let head: HclExpression;
    const first = nodes[0];
    if (first === undefined) return this.unsupported(whole, 'empty expression');
    if (first.type === '(') {
      const inner = nodes[1];
      head = inner ? this.expression(inner) : this.unsupported(whole, 'empty parentheses');
      position = 3;
    } else {
      head = this.head(first);
      position = 1;
    }
    const steps: HclStep[] = [];
    for (const postfix of nodes.slice(position)) {
      if (!POSTFIX.has(postfix.type)) continue;
      if (postfix.type === 'splat') return this.unsupported(whole, 'splat expression');
      steps.push(this.step(postfix));
    }
    if (steps.length === 0) return head;
    if (head.type === 'traversal') return { ...head, steps: [...head.steps, ...steps], ...this.at(whole) };
    return { type: 'relative', target: head, steps, ...this.at(whole) };
  }

  private step(node: Node): HclStep {
    if (node.type === 'get_attr') return { kind: 'attribute', name: named(node)[0]?.text ?? '' };
    const index = named(node)[0];
    if (index?.type === 'legacy_index') {
      const digits = index.text.replace(/^\./, '');
      return { kind: 'index', key: { type: 'literal', value: Number(digits), ...this.at(index) } };
    }
    const key = index ? named(index)[0] : undefined;
    return { kind: 'index', key: key ? this.expression(key) : this.unsupported(node, 'empty index') };
  }

  private head(node: Node): HclExpression {
    switch (node.type) {
      case 'literal_value':
        return this.literal(named(node)[0] ?? node);
      case 'template_expr':
        return this.template(named(node)[0] ?? node);
      case 'collection_value':
        return this.collection(named(node)[0] ?? node);
      case 'variable_expr':
        return { type: 'traversal', root: node.text, steps: [], ...this.at(node) };
      case 'function_call':
        return this.call(node);
      case 'for_expr':
        return this.forExpression(named(node)[0] ?? node);
      case 'operation':
        return this.operation(named(node)[0] ?? node);
      case 'expression':
        return this.expression(node);
      default:
        return this.unsupported(node, `${node.type} syntax`);
    }
  }

  private literal(node: Node): HclExpression {
    switch (node.type) {
      case 'numeric_lit':
        return { type: 'literal', value: Number(node.text), ...this.at(node) };
      case 'bool_lit':
        return { type: 'literal', value: node.text === 'true', ...this.at(node) };
      case 'null_lit':
        return { type: 'literal', value: null, ...this.at(node) };
      default:
        return { type: 'literal', value: unescapeQuoted(this.quotedText(node)), ...this.at(node) };
    }
  }

  /**
   * The grammar leaves spaces and newlines out of its literal chunks, so a template's literal text is cut
   * from the source between its delimiters and interpolations.
   */
  private template(node: Node): HclExpression {
    const children = named(node);
    const heredoc = node.type === 'heredoc_template';
    if (children.some((child) => child.type === 'template_directive')) return this.unsupported(node, 'template directive (%{ … })');
    const [opening, closing] = heredoc
      ? children.filter((child) => child.type === 'heredoc_identifier')
      : [children.find((child) => child.type === 'quoted_template_start'), children.find((child) => child.type === 'quoted_template_end')];
    if (!opening || !closing) return this.unsupported(node, 'unterminated template');
    const start = heredoc ? this.source.indexOf('\n', opening.endIndex) + 1 : opening.endIndex;
    const end = heredoc ? this.source.lastIndexOf('\n', closing.startIndex) + 1 : closing.startIndex;
    const literal = (from: number, to: number) => (heredoc ? literalHeredoc : unescapeQuoted)(this.source.slice(from, Math.max(from, to)));
    const parts: Array<string | HclExpression> = [];
    let cursor = start;
    for (const child of children.filter((part) => part.type === 'template_interpolation')) {
      parts.push(literal(cursor, child.startIndex), this.interpolation(child));
      cursor = child.endIndex;
    }
    parts.push(literal(cursor, end));
    return { type: 'template', parts: parts.filter((part) => part !== ''), heredocIndent: heredoc && node.children[0]?.text === '<<-', ...this.at(node) };
  }

  private interpolation(node: Node): HclExpression {
    const inner = named(node).find((part) => part.type === 'expression');
    return inner ? this.expression(inner) : this.unsupported(node, 'empty interpolation');
  }

  private collection(node: Node): HclExpression {
    if (node.type === 'tuple')
      return {
        type: 'tuple',
        items: named(node)
          .filter((child) => child.type === 'expression')
          .map((child) => this.expression(child)),
        ...this.at(node),
      };
    const items = named(node)
      .filter((child) => child.type === 'object_elem')
      .map((element) => {
        const key = element.childForFieldName('key');
        const value = element.childForFieldName('val');
        return {
          key: key ? this.objectKey(key) : this.unsupported(element, 'missing key'),
          value: value ? this.expression(value) : this.unsupported(element, 'missing value'),
          span: this.span(element),
        };
      });
    return { type: 'object', items, ...this.at(node) };
  }

  /** A bare name as an object key is the name itself, not a variable. */
  private objectKey(node: Node): HclExpression {
    const parts = named(node);
    if (parts.length === 1 && parts[0]?.type === 'variable_expr') return { type: 'literal', value: parts[0].text, ...this.at(node) };
    return this.expression(node);
  }

  private call(node: Node): HclExpression {
    const [name, args] = named(node);
    const argNodes = args ? named(args) : [];
    return {
      type: 'call',
      name: name?.text ?? '',
      args: argNodes.filter((arg) => arg.type === 'expression').map((arg) => this.expression(arg)),
      expandFinal: argNodes.some((arg) => arg.type === 'ellipsis'),
      ...this.at(node),
    };
  }

  private forExpression(node: Node): HclExpression {
    const parts = named(node);
    const intro = parts.find((part) => part.type === 'for_intro');
    const names = intro ? named(intro).filter((part) => part.type === 'identifier') : [];
    const collection = intro ? named(intro).find((part) => part.type === 'expression') : undefined;
    const bodies = parts.filter((part) => part.type === 'expression').map((part) => this.expression(part));
    const condition = parts.find((part) => part.type === 'for_cond');
    const conditionExpression = condition ? named(condition)[0] : undefined;
    const isObject = node.type === 'for_object_expr';
    const value = isObject ? bodies[1] : bodies[0];
    if (!collection || value === undefined || names.length === 0) return this.unsupported(node, 'incomplete for expression');
    return {
      type: 'for',
      ...(names.length === 2 ? { keyName: names[0]?.text ?? '' } : {}),
      valueName: names[names.length - 1]?.text ?? '',
      collection: this.expression(collection),
      ...(isObject && bodies[0] ? { key: bodies[0] } : {}),
      value,
      ...(conditionExpression ? { condition: this.expression(conditionExpression) } : {}),
      grouping: parts.some((part) => part.type === 'ellipsis'),
      ...this.at(node),
    };
  }

  private operation(node: Node): HclExpression {
    const children = node.children.filter(isPresent);
    if (node.type === 'unary_operation') {
      const operator = children[0]?.text === '!' ? '!' : '-';
      return { type: 'unary', operator, operand: this.term(children.slice(1), node), ...this.at(node) };
    }
    // The operator is the only anonymous child outside parentheses at this level.
    const split = children.findIndex((child, index) => index > 0 && !child.isNamed && BINARY_OPERATORS.has(child.type));
    if (split < 0) return this.unsupported(node, 'operation');
    return {
      type: 'binary',
      operator: children[split]?.type ?? '',
      left: this.term(children.slice(0, split), node),
      right: this.term(children.slice(split + 1), node),
      ...this.at(node),
    };
  }

  /** The raw characters between a string literal's quotes. */
  private quotedText(node: Node): string {
    return this.source.slice(node.startIndex + 1, Math.max(node.startIndex + 1, node.endIndex - 1));
  }

  private unsupported(node: Node, reason: string): HclExpression {
    return { type: 'unsupported', reason, ...this.at(node) };
  }

  private at(node: Node): { span: SourceSpan; text: string } {
    return { span: this.span(node), text: node.text };
  }

  private span(node: Node): SourceSpan {
    return spanAt(node, this.file);
  }
}

function named(node: Node): Node[] {
  return node.namedChildren.filter(isPresent);
}

function isPresent(node: Node | null): node is Node {
  return node !== null;
}

/** Heredocs take no backslash escapes, only the doubled template introducers. */
function literalHeredoc(raw: string): string {
  return raw.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
}
