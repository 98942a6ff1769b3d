/** DOM building that only ever sets text (record content is never parsed as HTML). */
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props?: { class?: string; title?: string; data?: Record<string, string> },
  ...children: Child[]
): HTMLElementTagNameMap[K];
export function h(
  tag: string,
  props?: { class?: string; title?: string; data?: Record<string, string> },
  ...children: Child[]
): HTMLElement;
export function h(
  tag: string,
  props: { class?: string; title?: string; data?: Record<string, string> } = {},
  ...children: Child[]
): HTMLElement {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.title) el.title = props.title;
  for (const [k, v] of Object.entries(props.data ?? {})) el.dataset[k] = v;
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return el;
}

export function button(
  label: string,
  onClick: () => void,
  opts: { secondary?: boolean; id?: string } = {},
): HTMLElement {
  const b = document.createElement('vscode-button');
  b.textContent = label;
  if (opts.secondary) b.setAttribute('secondary', '');
  if (opts.id) b.id = opts.id;
  b.addEventListener('click', onClick);
  return b;
}
