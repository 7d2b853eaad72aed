/**
 * eIds of the Akoma Ntoso export, derived from the stable labels of the round so that references
 * made during the negotiation ("OP3bis(a)") find their element: PP4bis -> pp_4bis,
 * OP3bis(a)(ii) -> para_3bis, para_3bis__list_1__point_a, para_3bis__list_1__point_a__list_1__point_ii.
 */

/** What an eId may hold: letters, digits, '-' (AKN naming convention). */
function clean(part: string): string {
  return part.replace(/[^A-Za-z0-9-]/g, '');
}

/** The label's step at `depth`: "OP3bis(a)(ii)" -> "3bis", "a", "ii"; "PP4bis" -> "4bis". Empty when absent. */
export function labelPart(label: string, depth: number): string {
  const match = /^(?:PP|OP)([^(]*)(.*)$/.exec(label);
  if (!match) return '';
  const steps = [match[1], ...[...match[2].matchAll(/\(([^)]*)\)([^(]*)/g)].map((m) => m[1] + m[2])];
  return clean(steps[depth] ?? '');
}

/** Hands out eIds, each once per document: a repeated one gets "-2", "-3". */
export class EIds {
  private readonly used = new Set<string>();

  take(candidate: string): string {
    let eId = candidate;
    for (let n = 2; this.used.has(eId); n++) eId = `${candidate}-${n}`;
    this.used.add(eId);
    return eId;
  }

  /** The eId of a paragraph from its label, else its printed number, else its position. */
  of(prefix: string, label: string, depth: number, number: string, position: number): string {
    return this.take(`${prefix}${labelPart(label, depth) || clean(number) || String(position)}`);
  }
}
