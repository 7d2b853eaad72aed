/**
 * The facts of a "delegation · role" line that say something new: a facilitator whose name,
 * delegation and role are all "Facilitator" reads "Facilitator" once, not three times.
 * `shown`: what the reader sees next to the line already.
 */
export function distinctFacts(facts: string[], shown: string[] = []): string[] {
  const seen = new Set(shown.map((fact) => fact.trim().toLowerCase()));
  return facts.filter((fact) => {
    const key = fact.trim().toLowerCase();
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
