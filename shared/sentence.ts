/**
 * A server's refusal as the reader sees it: a sentence with a capital and a full stop
 * ("only the facilitator names versions" → "Only the facilitator names versions."). One step
 * where messages reach the page, instead of hundreds of strings written twice.
 */
export function asSentence(message: string): string {
  const text = message.trim();
  if (!text) return text;
  const capital = text[0].toUpperCase() + text.slice(1);
  return /[.!?…"”]$/.test(capital) ? capital : `${capital}.`;
}
