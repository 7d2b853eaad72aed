/**
 * Colours for remote cursors and the people panel: distinct, readable with white
 * text, and derived from the user id so every participant sees the same colour
 * for the same person without any coordination.
 */
export const USER_COLORS = [
  '#1f5fbf', '#b3541e', '#1b7f5a', '#b0306a', '#6a41b8', '#0f7a8c',
  '#a8322d', '#5b7a12', '#8a3fa0', '#c0620c', '#0f766e', '#4451c4',
] as const;

/** FNV-1a: a small, stable string hash. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function userColor(userId: string): string {
  return USER_COLORS[hash(userId) % USER_COLORS.length];
}

/**
 * Colours for the people present together, each different while the palette lasts: everyone
 * keeps their own colour unless someone present took it first (in user id order), then the
 * next free one. The same set of people gives the same colours in every browser.
 */
export function distinctColors(userIds: Iterable<string>): Map<string, string> {
  const colors = new Map<string, string>();
  const taken = new Set<string>();
  for (const id of [...new Set(userIds)].sort()) {
    const own = hash(id) % USER_COLORS.length;
    const free = USER_COLORS.map((_, k) => USER_COLORS[(own + k) % USER_COLORS.length]).find((c) => !taken.has(c));
    const color = free ?? USER_COLORS[own];
    taken.add(color);
    colors.set(id, color);
  }
  return colors;
}

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

/** Colours arrive from other clients through awareness: accept only plain #rrggbb. */
export function safeColor(value: unknown, fallback = '#6b7280'): string {
  return typeof value === 'string' && HEX_COLOR.test(value) ? value : fallback;
}
