import type * as Y from 'yjs';
import type { DraftEditing } from '../../shared/proposals';
import { isFacilitator, type Role } from '../../shared/roles';
import type { IsLockedRegion } from './lockedRegions';

/**
 * The heading (symbol, organ, session, agenda item), the sponsors line and the title: the
 * facilitator's. Each line is a region of its own, so a delegate's keystroke in one puts back only
 * that line, not a facilitator's edit under way in another.
 */
const HEADING_ELEMENTS: ReadonlySet<string> = new Set(['heading', 'symbol', 'organ', 'session', 'agenda_item', 'sponsors', 'title']);
const PARAGRAPH_ELEMENTS: ReadonlySet<string> = new Set(['preambular_paragraph', 'operative_paragraph']);
/** In a proposals-only draft a delegate changes no paragraph (the formula included)... */
const PROPOSED_ELEMENTS: ReadonlySet<string> = new Set([...PARAGRAPH_ELEMENTS, 'formula']);
/** ...and adds or removes none: the parts keep their children, each child being locked on its own. */
const PARTS: ReadonlySet<string> = new Set(['preamble', 'operative']);

/**
 * What a user of `role` may not change: paragraphs whose status locks them (everyone, the
 * facilitator included, who reopens a paragraph first), the heading (everyone but facilitators),
 * and, in a draft where delegates make proposals only, every paragraph and the list of paragraphs
 * (delegates: their changes reach the text as accepted proposals, made by the server).
 */
export function lockedRegionsFor(role: Role, lockedParagraphIds: ReadonlySet<string>, editing: DraftEditing = 'direct'): IsLockedRegion | null {
  const facilitator = isFacilitator(role);
  const proposalsOnly = !facilitator && editing === 'proposals';
  if (facilitator && lockedParagraphIds.size === 0) return null;
  return (element: Y.XmlElement) => {
    const name = element.nodeName;
    if (!facilitator && HEADING_ELEMENTS.has(name)) return 'whole';
    if (proposalsOnly && PROPOSED_ELEMENTS.has(name)) return 'whole';
    if (proposalsOnly && PARTS.has(name)) return 'children';
    return PARAGRAPH_ELEMENTS.has(name) && lockedParagraphIds.has(element.getAttribute('id') ?? '') ? 'whole' : null;
  };
}
