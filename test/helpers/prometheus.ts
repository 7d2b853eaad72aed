/**
 * The value of one sample in a Prometheus exposition, `name{labels}` with exactly these labels
 * (in the order the server writes them); undefined when absent.
 */
export function sample(exposition: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const labelText = Object.entries(labels)
    .map(([key, value]) => `${key}="${value}"`)
    .join(',');
  const series = labelText ? `${name}{${labelText}}` : name;
  const line = exposition.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

/** GET /metrics of a test server (from loopback), with its status and exposition text. */
export async function scrape(baseUrl: string, headers: Record<string, string> = {}): Promise<{ status: number; contentType: string | null; text: string }> {
  const response = await fetch(`${baseUrl}/metrics`, { headers });
  return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
}

/** Server-side figures settle a moment after the client sees its side (a socket's close): scrape until they do. */
export async function scrapeUntil(baseUrl: string, holds: (text: string) => boolean, timeoutMs = 5_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { text } = await scrape(baseUrl);
    if (holds(text)) return text;
    if (Date.now() > deadline) throw new Error(`metrics never matched; last scrape:\n${text}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
