// Tiny DOM helpers. Every string child becomes a text node: server data is never parsed as HTML
// (the app has no innerHTML/insertAdjacentHTML/outerHTML anywhere; tests/dom.test.ts checks the sources).

export type Child = Node | string | number | null | undefined | false | readonly Child[];

type Listener = (event: Event) => void;

export interface Props {
  class?: string | undefined;
  /** Shorthand for data-testid. */
  testid?: string | undefined;
  /** DOM properties set directly (value, checked, disabled, …). */
  props?: Record<string, unknown>;
  /** Event listeners (`on: { click: … }`). */
  on?: Partial<Record<keyof HTMLElementEventMap, Listener>>;
  /** Inline style properties, set through the CSSOM (allowed by the page's CSP, unlike style attributes in markup). */
  style?: Partial<Record<string, string>>;
  /** Any other attribute; `false`, null and undefined omit it, `true` sets it empty. */
  [attribute: string]: unknown;
}

const RESERVED = new Set(['class', 'testid', 'props', 'on', 'style']);

/** Creates an element with attributes, listeners and children (strings become text nodes). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props?: Props | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props) {
    if (props.class) el.className = props.class;
    if (props.testid) el.setAttribute('data-testid', props.testid);
    for (const [name, value] of Object.entries(props)) {
      if (RESERVED.has(name) || value === undefined || value === null || value === false) continue;
      el.setAttribute(name, value === true ? '' : String(value));
    }
    if (props.props) Object.assign(el, props.props);
    if (props.on) {
      for (const [type, listener] of Object.entries(props.on)) {
        if (listener) el.addEventListener(type, listener as EventListener);
      }
    }
    if (props.style) {
      for (const [name, value] of Object.entries(props.style)) {
        if (value !== undefined) el.style.setProperty(name, value);
      }
    }
  }
  append(el, ...children);
  return el;
}

/** Appends children; strings and numbers as text nodes, arrays flattened, falsy values skipped. */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) {
      append(parent, ...(child as Child[]));
    } else if (child instanceof Node) {
      parent.appendChild(child);
    } else {
      parent.appendChild(document.createTextNode(String(child)));
    }
  }
}

/** Replaces all children. */
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/** Sets an element's text (textContent: never HTML). */
export function setText(el: Element, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

let idCounter = 0;
/** A unique id for label/aria wiring. */
export function uid(prefix = 'pw'): string {
  idCounter++;
  return `${prefix}-${idCounter}`;
}
