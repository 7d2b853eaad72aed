import type * as Y from 'yjs';
import { isFacilitator, type Role } from '../../shared/roles';
import type { IsLockedRegion } from './lockedRegions';

/**
 * The heading (symbol, organ, session, agenda item), the sponsors line and the title: the
 * facilitator's. Each line is a region of its own, so a delegate's keystroke in one puts back only
 * that line, not a facilitator's edit under way in another.
 */
const HEADING_ELEMENTS: ReadonlySet<string> = new Set(['heading', 'symbol', 'organ', 'session', 'agenda_item', 'sponsors', 'title']);
const PARAGRAPH_ELEMENTS: ReadonlySet<string> = new Set(['preambular_paragraph', 'operative_paragraph']);

/**
 * What a user of `role` may not change: paragraphs whose status locks them (everyone, the
 * facilitator included, who reopens a paragraph first), and the heading (everyone but facilitators).
 */
export function lockedRegionsFor(role: Role, lockedParagraphIds: ReadonlySet<string>): IsLockedRegion | null {
  const headingLocked = !isFacilitator(role);
  if (!headingLocked && lockedParagraphIds.size === 0) return null;
  return (element: Y.XmlElement) =>
    (headingLocked && HEADING_ELEMENTS.has(element.nodeName)) ||
    (PARAGRAPH_ELEMENTS.has(element.nodeName) && lockedParagraphIds.has(element.getAttribute('id') ?? ''));
}
