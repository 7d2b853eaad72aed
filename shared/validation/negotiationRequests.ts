import { z } from 'zod';
import { nameText } from './names';
import { RoleName } from './requests';

/** Request bodies of the negotiations, members and accounts API (see README "API"). */

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((text) => !Number.isNaN(Date.parse(text)), 'must be a real date');

export const CreateNegotiationRequest = z
  .object({
    name: nameText(200).min(1, 'name is required'),
    body: nameText(300).optional().default(''),
    startsOn: isoDate.nullable().optional().default(null),
    endsOn: isoDate.nullable().optional().default(null),
  })
  .refine((n) => !n.startsOn || !n.endsOn || n.startsOn <= n.endsOn, { message: 'endsOn is before startsOn', path: ['endsOn'] });

/** Facilitators and observers have a default delegation; a delegate must say whom they speak for. */
const DEFAULT_DELEGATION = { facilitator: 'Facilitator', observer: 'Observer' } as const;

export const PutMemberRequest = z
  .object({ role: RoleName, delegation: nameText(100).optional() })
  .transform((m, ctx) => {
    const delegation = m.delegation || (m.role === 'delegate' ? '' : DEFAULT_DELEGATION[m.role]);
    if (!delegation) {
      ctx.addIssue({ code: 'custom', path: ['delegation'], message: 'a delegate needs a delegation' });
      return z.NEVER;
    }
    return { role: m.role, delegation };
  });

export const CreateUserRequest = z.object({
  username: nameText(100)
    .min(1, 'username is required')
    .regex(/^[a-z0-9._-]+$/, 'username: lower-case letters, digits, dot, dash and underscore only'),
  displayName: nameText(200).min(1, 'displayName is required'),
  password: z.string().min(8, 'password: at least 8 characters').max(200),
});

export const ChangePasswordRequest = z.object({
  oldPassword: z.string().min(1, 'oldPassword is required').max(200),
  newPassword: z.string().min(8, 'newPassword: at least 8 characters').max(200),
});

export const AuditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).optional().default(100),
});
