import { AlignmentType, LevelFormat, type INumberingOptions } from 'docx';

/** The Word numbering of the operative part: 1. / (a) / (i) / a. / i. (see shared/numbering.ts). */
export const OPERATIVE_NUMBERING = 'operative-paragraphs';

const LEVELS: Array<{ format: (typeof LevelFormat)[keyof typeof LevelFormat]; text: (n: string) => string }> = [
  { format: LevelFormat.DECIMAL, text: (n) => `${n}.` },
  { format: LevelFormat.LOWER_LETTER, text: (n) => `(${n})` },
  { format: LevelFormat.LOWER_ROMAN, text: (n) => `(${n})` },
  { format: LevelFormat.LOWER_LETTER, text: (n) => `${n}.` },
  { format: LevelFormat.LOWER_ROMAN, text: (n) => `${n}.` },
];

/** Twips: the number sits one step further in at each level, the text one step after it. */
const STEP = 567;

export const operativeNumbering: INumberingOptions = {
  config: [
    {
      reference: OPERATIVE_NUMBERING,
      levels: LEVELS.map(({ format, text }, level) => ({
        level,
        format,
        text: text(`%${level + 1}`),
        alignment: AlignmentType.LEFT,
        style: { paragraph: { indent: { left: STEP * (level + 2), hanging: STEP } } },
      })),
    },
  ],
};
