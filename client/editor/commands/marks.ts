import { toggleMark } from 'prosemirror-commands';
import { resolutionSchema } from '../../../shared/schema';

export const toggleBold = toggleMark(resolutionSchema.marks.strong);
export const toggleItalic = toggleMark(resolutionSchema.marks.em);
export const toggleUnderline = toggleMark(resolutionSchema.marks.underline);
