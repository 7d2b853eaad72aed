import type { DecorationAttrs } from 'prosemirror-view';
import type { Awareness } from 'y-protocols/awareness';
import { isRenderableAwarenessState } from '../../shared/awarenessState';
import { distinctColors, safeColor } from '../../shared/userColor';

/** What another client put in its awareness state; untrusted, so every field is checked. */
interface RemoteUser {
  name?: unknown;
  color?: unknown;
  userId?: unknown;
}

const userIdOf = (state: unknown): string | null => {
  const id = (state as { user?: { userId?: unknown } } | null)?.user?.userId;
  return typeof id === 'string' ? id : null;
};

/**
 * y-prosemirror's cursor and selection builders, colouring the people present distinctly: two
 * delegations whose own colours clash (Kazakhstan and Belarus in one teal) are told apart.
 */
export function remoteCursorBuilders(awareness: Awareness) {
  const colored = (user: RemoteUser): RemoteUser => {
    const present = [...awareness.getStates().values()].map(userIdOf).filter((id): id is string => id !== null);
    const color = typeof user.userId === 'string' ? distinctColors(present).get(user.userId) : undefined;
    return { ...user, color: color ?? user.color };
  };
  return {
    cursorBuilder: (user: RemoteUser) => remoteCursor(colored(user)),
    selectionBuilder: (user: RemoteUser) => remoteSelection(colored(user)),
  };
}

function label(user: RemoteUser): string {
  return typeof user.name === 'string' && user.name.trim() ? user.name.slice(0, 60) : 'Another delegation';
}

/** A remote caret with the delegation's name above it, in that person's colour. */
export function remoteCursor(user: RemoteUser): HTMLElement {
  const color = safeColor(user.color);
  const caret = document.createElement('span');
  caret.className = 'remote-cursor';
  // Inside the text a screen reader would read the name as words of the paragraph; edits are announced instead.
  caret.setAttribute('aria-hidden', 'true');
  caret.style.borderColor = color;
  const name = document.createElement('span');
  name.className = 'remote-cursor-label';
  name.style.backgroundColor = color;
  name.textContent = label(user);
  // Word joiners keep the caret from breaking a line on its own.
  caret.append('\u2060', name, '\u2060');
  return caret;
}

/** The highlight of another person's selection: their colour, mostly transparent. */
export function remoteSelection(user: RemoteUser): DecorationAttrs {
  return { class: 'remote-selection', style: `background-color: ${safeColor(user.color)}33` };
}

/**
 * Which awareness states y-prosemirror's cursor plugin draws: other clients' states it can read
 * without throwing. A server that does not check relays whatever a modified client sends, and
 * one state the plugin chokes on would break the editor for everyone in the room.
 */
export function drawsRemoteCursor(localClientId: number, clientId: number, state: unknown): boolean {
  return clientId !== localClientId && isRenderableAwarenessState(state);
}
