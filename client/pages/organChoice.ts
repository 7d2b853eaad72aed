import { h } from '../app/dom';
import { ORGANS, organFor } from '../../shared/organs';

/**
 * The organ of a new draft, which heads its template (organ, session, "The General Assembly,").
 * It starts at the negotiation's body and follows the symbol typed (A/C.3/… is the Third
 * Committee) until the facilitator picks one.
 */
export function organChoice(symbol: HTMLInputElement, negotiationBody: string): HTMLSelectElement {
  const select = h('select', { attrs: { name: 'organ' } }, ...ORGANS.map((organ) => h('option', { attrs: { value: organ.id } }, organ.label)));
  select.value = (ORGANS.find((organ) => organ.label === negotiationBody || organ.heading === negotiationBody) ?? ORGANS[0]).id;
  let picked = false;
  select.addEventListener('change', () => (picked = true));
  symbol.addEventListener('input', () => {
    const named = ORGANS.find((organ) => organ.symbolPrefix && symbol.value.trim().toUpperCase().startsWith(organ.symbolPrefix));
    if (!picked && named) select.value = organFor(undefined, symbol.value).id;
  });
  return select;
}
