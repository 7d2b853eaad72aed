import { TICKET_TTL_MS, TicketService, TicketsExhaustedError } from '../../../server/auth/ticketService';

describe('TicketService', () => {
  let now: number;
  let tickets: TicketService;
  const tokenExpiresAt = () => now + 3_600_000;

  beforeEach(() => {
    now = Date.parse('2026-05-20T10:00:00Z');
    tickets = new TicketService(() => now);
  });

  it('redeems a ticket once, for the person and draft it was issued for', () => {
    const { ticket, expiresAt } = tickets.issue('u-kz', 'd1', tokenExpiresAt());
    expect(expiresAt).toBe(now + TICKET_TTL_MS);
    expect(tickets.redeem(ticket, 'd1')).toEqual({ userId: 'u-kz', tokenExpiresAt: tokenExpiresAt() });
    expect(tickets.redeem(ticket, 'd1')).toBeNull();
  });

  it('refuses a ticket for another draft, and it is spent by the attempt', () => {
    const { ticket } = tickets.issue('u-kz', 'd1', tokenExpiresAt());
    expect(tickets.redeem(ticket, 'd2')).toBeNull();
    expect(tickets.redeem(ticket, 'd1')).toBeNull();
  });

  it('refuses a ticket after 60 seconds, and one never outlives its session token', () => {
    const { ticket } = tickets.issue('u-kz', 'd1', tokenExpiresAt());
    now += TICKET_TTL_MS;
    expect(tickets.redeem(ticket, 'd1')).toBeNull();
    const short = tickets.issue('u-kz', 'd1', now + 1_000);
    expect(short.expiresAt).toBe(now + 1_000);
    now += 1_000;
    expect(tickets.redeem(short.ticket, 'd1')).toBeNull();
  });

  it('refuses unknown tickets', () => {
    expect(tickets.redeem('made-up', 'd1')).toBeNull();
  });

  it('bounds the tickets one person may have waiting; used and expired ones free their place', () => {
    const issued = Array.from({ length: 20 }, () => tickets.issue('u-kz', 'd1', tokenExpiresAt()).ticket);
    expect(() => tickets.issue('u-kz', 'd1', tokenExpiresAt())).toThrow(TicketsExhaustedError);
    expect(() => tickets.issue('u-eu', 'd1', tokenExpiresAt())).not.toThrow();
    tickets.redeem(issued[0], 'd1');
    expect(() => tickets.issue('u-kz', 'd1', tokenExpiresAt())).not.toThrow();
    now += TICKET_TTL_MS;
    expect(() => tickets.issue('u-kz', 'd1', tokenExpiresAt())).not.toThrow();
  });
});
