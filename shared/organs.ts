/**
 * The bodies a draft can be for, and how their resolutions open: the organ and session lines of
 * the heading and the formula before the preamble. A Third Committee draft (A/C.3/…) is a
 * General Assembly resolution: "The General Assembly,".
 */
export interface Organ {
  id: string;
  /** How the form lists it. */
  label: string;
  /** The heading's organ line. */
  heading: string;
  session: string;
  /** The agenda line, with the committee where a committee negotiates for its organ. */
  agendaItem: string;
  formula: string;
  /** The symbols of its documents start so ("A/C.3/"): a symbol names its organ. */
  symbolPrefix: string;
}

export const ORGANS = [
  { id: 'ccpcj', label: 'Commission on Crime Prevention and Criminal Justice', heading: 'Commission on Crime Prevention and Criminal Justice', session: 'Thirty-fifth session', agendaItem: 'Agenda item', formula: 'The Commission on Crime Prevention and Criminal Justice,', symbolPrefix: 'E/CN.15/' },
  { id: 'cnd', label: 'Commission on Narcotic Drugs', heading: 'Commission on Narcotic Drugs', session: 'Sixty-ninth session', agendaItem: 'Agenda item', formula: 'The Commission on Narcotic Drugs,', symbolPrefix: 'E/CN.7/' },
  { id: 'ecosoc', label: 'Economic and Social Council', heading: 'Economic and Social Council', session: '2026 session', agendaItem: 'Agenda item', formula: 'The Economic and Social Council,', symbolPrefix: 'E/' },
  { id: 'ga-third', label: 'General Assembly, Third Committee', heading: 'General Assembly', session: 'Eighty-first session', agendaItem: 'Third Committee, agenda item', formula: 'The General Assembly,', symbolPrefix: 'A/C.3/' },
  { id: 'ga-sixth', label: 'General Assembly, Sixth Committee', heading: 'General Assembly', session: 'Eighty-first session', agendaItem: 'Sixth Committee, agenda item', formula: 'The General Assembly,', symbolPrefix: 'A/C.6/' },
  { id: 'hrc', label: 'Human Rights Council', heading: 'Human Rights Council', session: 'Sixty-second session', agendaItem: 'Agenda item', formula: 'The Human Rights Council,', symbolPrefix: 'A/HRC/' },
  { id: 'ga', label: 'General Assembly (plenary)', heading: 'General Assembly', session: 'Eighty-first session', agendaItem: 'Agenda item', formula: 'The General Assembly,', symbolPrefix: 'A/' },
] as const satisfies readonly Organ[];

export type OrganId = (typeof ORGANS)[number]['id'];
export const ORGAN_IDS = ORGANS.map((organ) => organ.id) as [OrganId, ...OrganId[]];

/** The organ chosen, else the one the symbol names (the longest prefix that fits), else the CCPCJ. */
export function organFor(id: OrganId | undefined, symbol: string): Organ {
  const chosen = ORGANS.find((organ) => organ.id === id);
  if (chosen) return chosen;
  const named = ORGANS.filter((organ) => symbol.toUpperCase().startsWith(organ.symbolPrefix)).sort((a, b) => b.symbolPrefix.length - a.symbolPrefix.length);
  return named[0] ?? ORGANS[0];
}
