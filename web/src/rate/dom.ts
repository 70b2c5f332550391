/** A few lines of DOM building, so that the rating page needs no framework. */

type Child = Node | string | null | undefined | false;
type Props = Record<string, unknown>;

/**
 * `h('button', { type: 'button', onclick: go }, 'OK')`: attributes by name (`true` → present,
 * `false`/null/undefined → absent), `on<event>` listeners, `value` and `checked` as properties.
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props | null = null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value as EventListener);
    else if (name === 'class') element.className = String(value);
    else if (name === 'value' || name === 'checked') Object.assign(element, { [name]: value });
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) element.append(child);
  return element;
}

/** A decorative inline SVG (fixed markup from this module, never text from the API). */
export function icon(markup: string, className: string): HTMLSpanElement {
  const span = h('span', { class: className, 'aria-hidden': 'true' });
  span.innerHTML = markup;
  return span;
}
