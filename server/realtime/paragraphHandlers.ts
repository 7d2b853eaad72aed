import { ParagraphStatusPayload } from '../../shared/paragraphs';
import type { ParagraphStatusService } from '../domain/paragraphs/paragraphStatusService';
import { DomainError } from '../domain/domainError';
import type { Logger } from '../logger';
import { acknowledged } from './acknowledged';
import { draftRoom, type SocketHandlers } from './types';

/** paragraph:status: a facilitator sets a paragraph's status; the draft's room hears paragraph:updated. */
export function paragraphHandlers(paragraphs: ParagraphStatusService, logger: Logger): SocketHandlers {
  return (io, socket) => {
    socket.on(
      'paragraph:status',
      acknowledged(socket, logger, 'paragraph:status', ParagraphStatusPayload, async (payload) => {
        const member = socket.data.drafts.get(payload.draftId)?.member;
        if (!member) throw new DomainError('join the draft first', 403);
        const paragraph = await paragraphs.setStatus(member, payload);
        io.to(draftRoom(payload.draftId)).emit('paragraph:updated', paragraph);
        return { paragraph };
      }),
    );
  };
}
