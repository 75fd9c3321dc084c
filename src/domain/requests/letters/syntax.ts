/**
 * The template language of reply letters: `{{name}}` and optional sections `{{#name}}…{{/name}}`
 * (kept only when `name` has a value; sections of different names may nest). Nothing else — no
 * loops, no expressions — so that agency staff can edit a letter's wording without being able
 * to break more than a sentence, and every problem can be named to them in Chinese.
 */

export type TemplateNode =
  | { type: 'text'; text: string }
  | { type: 'var'; name: string }
  | { type: 'section'; name: string; children: TemplateNode[] }
  /** Braces that do not form a tag, e.g. "{{申请人}}" or a "{{" never closed. */
  | { type: 'malformed'; raw: string };

export type SyntaxProblemCode = 'malformedTag' | 'unclosedSection' | 'unexpectedClose';

export interface SyntaxProblem {
  code: SyntaxProblemCode;
  /** The tag as written. */
  tag: string;
  /** Offset of the tag in the body. */
  offset: number;
}

export interface ParsedTemplate {
  nodes: TemplateNode[];
  problems: SyntaxProblem[];
}

const NAME = /^([#/]?)\s*([A-Za-z][A-Za-z0-9]*)$/;

/**
 * Parses a template body. Never throws: malformed tags become `malformed` nodes, an unexpected
 * close tag is dropped and an unclosed section runs to the end; each is listed in `problems`.
 */
export function parseTemplate(body: string): ParsedTemplate {
  const root: TemplateNode[] = [];
  const stack: { name: string; children: TemplateNode[]; tag: string; offset: number }[] = [];
  const problems: SyntaxProblem[] = [];
  const current = () => (stack.length ? stack[stack.length - 1]!.children : root);
  const pushText = (text: string) => {
    if (!text) return;
    const nodes = current();
    const last = nodes[nodes.length - 1];
    if (last?.type === 'text') last.text += text;
    else nodes.push({ type: 'text', text });
  };

  let pos = 0;
  while (pos < body.length) {
    const open = body.indexOf('{{', pos);
    const strayClose = body.indexOf('}}', pos);
    if (strayClose !== -1 && (open === -1 || strayClose < open)) {
      pushText(body.slice(pos, strayClose));
      problems.push({ code: 'malformedTag', tag: '}}', offset: strayClose });
      current().push({ type: 'malformed', raw: '}}' });
      pos = strayClose + 2;
      continue;
    }
    if (open === -1) {
      pushText(body.slice(pos));
      break;
    }
    pushText(body.slice(pos, open));
    const close = body.indexOf('}}', open + 2);
    const nextOpen = body.indexOf('{{', open + 2);
    if (close === -1 || (nextOpen !== -1 && nextOpen < close)) {
      // "{{" never closed before the next tag: the two braces alone are the problem.
      problems.push({ code: 'malformedTag', tag: '{{', offset: open });
      current().push({ type: 'malformed', raw: '{{' });
      pos = open + 2;
      continue;
    }
    const tag = body.slice(open, close + 2);
    const match = NAME.exec(body.slice(open + 2, close).trim());
    pos = close + 2;
    if (!match) {
      problems.push({ code: 'malformedTag', tag, offset: open });
      current().push({ type: 'malformed', raw: tag });
      continue;
    }
    const [, sigil, name] = match as unknown as [string, string, string];
    if (sigil === '#') {
      const section: TemplateNode = { type: 'section', name, children: [] };
      current().push(section);
      stack.push({ name, children: section.children, tag, offset: open });
    } else if (sigil === '/') {
      if (stack.length && stack[stack.length - 1]!.name === name) stack.pop();
      else problems.push({ code: 'unexpectedClose', tag, offset: open });
    } else {
      current().push({ type: 'var', name });
    }
  }
  for (const open of stack) problems.push({ code: 'unclosedSection', tag: open.tag, offset: open.offset });
  return { nodes: root, problems };
}

/** Every placeholder name a template mentions (variables and sections), in order, once each. */
export function placeholderNames(nodes: readonly TemplateNode[]): string[] {
  const names = new Set<string>();
  const walk = (list: readonly TemplateNode[]) => {
    for (const node of list) {
      if (node.type === 'var') names.add(node.name);
      else if (node.type === 'section') {
        names.add(node.name);
        walk(node.children);
      }
    }
  };
  walk(nodes);
  return [...names];
}

/** Variables and text outside every optional section: what the letter always says. */
export function unconditionalParts(nodes: readonly TemplateNode[]): { names: string[]; text: string } {
  const names: string[] = [];
  let text = '';
  for (const node of nodes) {
    if (node.type === 'var' && !names.includes(node.name)) names.push(node.name);
    if (node.type === 'text') text += node.text;
  }
  return { names, text };
}
