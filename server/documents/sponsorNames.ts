/**
 * The delegations a sponsors line names, main sponsors first: "Belarus, Kazakhstan and Nigeria:
 * draft resolution; co-sponsors: Philippines" -> [Belarus, Kazakhstan, Nigeria], [Philippines]
 * (the form shared/sponsors.ts writes). A line without a colon names nobody.
 */
export function sponsorNames(line: string): { sponsors: string[]; cosponsors: string[] } {
  const [main, co = ''] = line.split(/;\s*co-sponsors:\s*/i);
  const colon = main.indexOf(':');
  return { sponsors: colon < 0 ? [] : names(main.slice(0, colon)), cosponsors: names(co) };
}

function names(list: string): string[] {
  return list.split(/,\s*|\s+and\s+/).map((name) => name.trim()).filter((name) => name !== '');
}
