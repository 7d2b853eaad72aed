import { ProjectorFocusPayload } from '../../shared/projector';
import type { ProjectorFocuses } from '../domain/projector/projectorFocuses';
import type { Logger } from '../logger';
import { acknowledged } from './acknowledged';
import { joinedMember } from './joinedMember';
import { draftRoom, type AppSocket, type SocketHandlers } from './types';

/** projector:focus: a facilitator sets the paragraph under discussion; the draft's room hears projector:focused. */
export function projectorHandlers(focuses: ProjectorFocuses, logger: Logger): SocketHandlers {
  return (io, socket) => {
    socket.on(
      'projector:focus',
      acknowledged(socket, logger, 'projector:focus', ProjectorFocusPayload, async (payload) => {
        const focus = await focuses.set(joinedMember(socket, payload.draftId), payload);
        io.to(draftRoom(payload.draftId)).emit('projector:focused', focus);
        return { focus };
      }),
    );
  };
}

/** Tells a connection that just joined a draft what is under discussion there, if anything. */
export function greetWithFocus(focuses: ProjectorFocuses): (socket: AppSocket, draftId: string) => void {
  return (socket, draftId) => {
    const focus = focuses.current(draftId);
    if (focus) socket.emit('projector:focused', focus);
  };
}
