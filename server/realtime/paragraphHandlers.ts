import { ParagraphStatusPayload } from '../../shared/paragraphs';
import type { ParagraphStatusService } from '../domain/paragraphs/paragraphStatusService';
import type { Logger } from '../logger';
import { acknowledged } from './acknowledged';
import { joinedMember } from './joinedMember';
import { draftRoom, type SocketHandlers } from './types';

/** paragraph:status: a facilitator sets a paragraph's status; the draft's room hears paragraph:updated. */
export function paragraphHandlers(paragraphs: ParagraphStatusService, logger: Logger): SocketHandlers {
  return (io, socket) => {
    socket.on(
      'paragraph:status',
      acknowledged(socket, logger, 'paragraph:status', ParagraphStatusPayload, async (payload) => {
        const paragraph = await paragraphs.setStatus(joinedMember(socket, payload.draftId), payload);
        io.to(draftRoom(payload.draftId)).emit('paragraph:updated', paragraph);
        return { paragraph };
      }),
    );
  };
}
