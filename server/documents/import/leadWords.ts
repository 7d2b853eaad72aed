/** Words that open a preambular paragraph without being participles ("Mindful of", "Aware that"). */
const PREAMBULAR_ADJECTIVES = new Set([
  'mindful', 'aware', 'conscious', 'cognizant', 'desirous', 'convinced', 'concerned', 'determined', 'alarmed',
  'appreciative', 'confident', 'fully', 'gravely', 'deeply', 'seriously', 'firmly', 'keenly', 'profoundly', 'acknowledging',
]);
/** Adverbs that may come before the lead word ("Further recalling", "Also requests"). */
const LEADING_ADVERBS = new Set(['also', 'further', 'furthermore', 'again', 'once', 'moreover']);

function leadWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z-]+/)
    .filter(Boolean)
    .slice(0, 3);
}

/** The lead word after any adverb: "Further recalling" -> "recalling", "Strongly urges" -> "urges". */
function leadWord(text: string): string {
  const words = leadWords(text);
  const adverb = words.length > 1 && (LEADING_ADVERBS.has(words[0]) || (words[0].endsWith('ly') && !PREAMBULAR_ADJECTIVES.has(words[0])));
  return (adverb ? words[1] : words[0]) ?? '';
}

/** Begins as a preambular paragraph does: a participle or adjective ("Recalling", "Deeply concerned", "Mindful"). */
export function hasPreambularLead(text: string): boolean {
  const word = leadWord(text);
  return /^[a-z-]{3,}(ing|ed)$/.test(word) || PREAMBULAR_ADJECTIVES.has(word);
}

/** Begins as an operative paragraph does: a verb in the third person present ("Urges", "Also requests"). */
export function hasOperativeLead(text: string): boolean {
  const word = leadWord(text);
  return /^[a-z-]{3,}s$/.test(word) && !/(ss|ous|ness)$/.test(word) && /^[A-Z]/.test(text);
}
