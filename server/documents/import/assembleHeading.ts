import type { HeadingLineKind } from './headingLine';
import type { ImportProblem } from '../../../shared/draftImport';
import type { DraftOutline } from '../../../shared/draftTemplate';
import { problem } from './importProblem';

/** A line before the formula, recognised by its form. */
export interface HeadingItem {
  kind: HeadingLineKind;
  text: string;
  line: number;
}

/** The heading lines of the schema (text only), with the lines the masthead repeats on every document. */
export interface ImportedHeading extends Pick<DraftOutline, 'symbol' | 'organ' | 'session' | 'agendaItem' | 'sponsors' | 'title'> {
  /** Recognised layout ("Distr.: Limited", the date, "Original: English", the masthead organ): the export writes it again. */
  masthead: string[];
}

/** ": " unless the first part already ends with punctuation. */
const joined = (first: string, second: string, separator: string) => (first ? `${first}${/[:;,]$/.test(first) ? ' ' : separator}${second}` : second);

/**
 * Puts the lines before the formula where they belong: the last organ named is the organ
 * ("Third Committee" under the "General Assembly" masthead), a place and dates join the
 * session, lines between the agenda item and the sponsors line continue the agenda item, and
 * the line before the formula that nothing else claims is the title.
 */
export function assembleHeading(items: readonly HeadingItem[], problems: ImportProblem[]): ImportedHeading {
  const heading: ImportedHeading = { symbol: '', organ: '', session: '', agendaItem: '', sponsors: '', title: '', masthead: [] };
  const others = items.filter((item) => item.kind === 'other');
  const sponsorsAt = items.findIndex((item) => item.kind === 'sponsors');
  const afterSponsors = sponsorsAt < 0 ? others : others.filter((item) => items.indexOf(item) > sponsorsAt);
  const title = afterSponsors[sponsorsAt < 0 ? afterSponsors.length - 1 : 0];
  const organs = items.filter((item) => item.kind === 'organ');
  let previous: HeadingItem | undefined;
  let agendaOpen = false;

  for (const item of items) {
    const once = (field: 'symbol' | 'session' | 'agendaItem' | 'sponsors') => {
      if (heading[field]) problems.push(problem(item.line, item.text, `a second ${field === 'agendaItem' ? 'agenda item' : field} line in the heading; the first was kept`));
      else heading[field] = item.text;
    };
    switch (item.kind) {
      case 'symbol':
        once('symbol');
        break;
      case 'masthead':
        heading.masthead.push(item.text);
        break;
      case 'organ':
        if (item === organs[organs.length - 1]) heading.organ = item.text;
        else heading.masthead.push(item.text);
        break;
      case 'session':
        once('session');
        break;
      case 'place-and-date':
        if (previous?.kind === 'session') heading.session = joined(heading.session, item.text, ', ');
        else heading.masthead.push(item.text);
        break;
      case 'agenda_item':
        once('agendaItem');
        break;
      case 'sponsors':
        once('sponsors');
        break;
      case 'formula':
        break;
      case 'other':
        if (item === title) heading.title = item.text;
        else if (agendaOpen) heading.agendaItem = joined(heading.agendaItem, item.text, ': ');
        else problems.push(problem(item.line, item.text, 'not recognised as a heading line, the sponsors line or the title; left out'));
        break;
    }
    agendaOpen = (item.kind === 'agenda_item' || (agendaOpen && item.kind === 'other')) && sponsorsAt > items.indexOf(item);
    previous = item;
  }
  return heading;
}
