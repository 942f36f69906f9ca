// A small XML reader for the subset the QuickFIX dictionaries use: elements, attributes in single
// or double quotes, self-closing tags, comments, an XML declaration and the five predefined
// entities. Text content is ignored (the dictionaries carry everything in attributes), so there is
// no mixed-content model. It exists so the build step needs no XML dependency.

export interface XmlElement {
  readonly name: string;
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: XmlElement[];
  /** 1-based line of the opening tag, for error messages. */
  readonly line: number;
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

function decodeEntities(text: string, where: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (_match, body: string) => {
    if (body.startsWith('#x')) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(parseInt(body.slice(1), 10));
    const known = ENTITIES[body];
    if (known === undefined) throw new Error(`${where}: unknown entity &${body};`);
    return known;
  });
}

class Cursor {
  pos = 0;
  line = 1;
  constructor(
    readonly text: string,
    readonly source: string,
  ) {}

  where(): string {
    return `${this.source}:${this.line}`;
  }

  /** Moves to `to`, counting the newlines passed so errors can name a line. */
  advanceTo(to: number): void {
    for (let i = this.pos; i < to; i++) if (this.text.charCodeAt(i) === 10) this.line++;
    this.pos = to;
  }

  skipPast(marker: string): void {
    const at = this.text.indexOf(marker, this.pos);
    if (at < 0) throw new Error(`${this.where()}: missing "${marker}"`);
    this.advanceTo(at + marker.length);
  }
}

const NAME = /[A-Za-z_][\w.:-]*/y;
const ATTRIBUTE = /\s*([A-Za-z_][\w.:-]*)\s*=\s*(?:'([^']*)'|"([^"]*)")/y;

function readName(cursor: Cursor): string {
  NAME.lastIndex = cursor.pos;
  const match = NAME.exec(cursor.text);
  if (!match) throw new Error(`${cursor.where()}: expected a name`);
  cursor.advanceTo(NAME.lastIndex);
  return match[0];
}

/** Reads `<name attr='v' ...>` or `<name .../>`; the cursor is just after the `<`. */
function readOpenTag(cursor: Cursor): { element: XmlElement; selfClosing: boolean } {
  const line = cursor.line;
  const name = readName(cursor);
  const attributes = new Map<string, string>();
  for (;;) {
    ATTRIBUTE.lastIndex = cursor.pos;
    const match = ATTRIBUTE.exec(cursor.text);
    if (!match) break;
    const key = match[1] as string;
    if (attributes.has(key)) throw new Error(`${cursor.where()}: attribute "${key}" repeated`);
    attributes.set(key, decodeEntities(match[2] ?? match[3] ?? '', cursor.where()));
    cursor.advanceTo(ATTRIBUTE.lastIndex);
  }
  const rest = /\s*(\/?)>/y;
  rest.lastIndex = cursor.pos;
  const end = rest.exec(cursor.text);
  if (!end) throw new Error(`${cursor.where()}: malformed tag <${name}>`);
  cursor.advanceTo(rest.lastIndex);
  return { element: { name, attributes, children: [], line }, selfClosing: end[1] === '/' };
}

/** Parses a whole document and returns its root element. */
export function parseXml(text: string, source: string): XmlElement {
  const cursor = new Cursor(text, source);
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  for (;;) {
    const lt = text.indexOf('<', cursor.pos);
    if (lt < 0) break;
    cursor.advanceTo(lt);
    if (text.startsWith('<!--', lt)) {
      cursor.skipPast('-->');
    } else if (text.startsWith('<?', lt)) {
      cursor.skipPast('?>');
    } else if (text.startsWith('<!', lt)) {
      cursor.skipPast('>');
    } else if (text.startsWith('</', lt)) {
      cursor.advanceTo(lt + 2);
      const name = readName(cursor);
      const open = stack.pop();
      if (!open || open.name !== name) {
        throw new Error(`${cursor.where()}: </${name}> does not close ${open ? `<${open.name}>` : 'anything'}`);
      }
      cursor.skipPast('>');
    } else {
      cursor.advanceTo(lt + 1);
      const { element, selfClosing } = readOpenTag(cursor);
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(element);
      else if (root) throw new Error(`${cursor.where()}: a second root element <${element.name}>`);
      else root = element;
      if (!selfClosing) stack.push(element);
    }
  }
  const unclosed = stack.pop();
  if (unclosed) throw new Error(`${source}: <${unclosed.name}> opened at line ${unclosed.line} is never closed`);
  if (!root) throw new Error(`${source}: no root element`);
  return root;
}

export function attribute(element: XmlElement, name: string, where: string): string {
  const value = element.attributes.get(name);
  if (value === undefined) throw new Error(`${where}:${element.line}: <${element.name}> lacks "${name}"`);
  return value;
}

export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}

export function onlyChild(element: XmlElement, name: string, where: string): XmlElement | undefined {
  const found = childrenNamed(element, name);
  if (found.length > 1) throw new Error(`${where}:${element.line}: more than one <${name}> in <${element.name}>`);
  return found[0];
}
