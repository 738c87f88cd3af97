// Seat cards (S4): a printable page with every seat's name, join code and its own QR code; the
// codes are secrets, so the page needs the host key or the organiser key.
import { afterEach, describe, expect, it } from 'vitest';
import { seatJoinLink } from '../../server/http/seat-cards.js';
import { startServer, type Harness } from '../support/harness.js';
import { formatJoinCode } from '../../shared/join-code.js';

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
});

describe('seat cards', () => {
  it('[S4] with the host key: one card per seat with its name, code and a QR code, never cached', async () => {
    const h = await startServer();
    harnesses.push(h);
    const response = await fetch(`${h.url}/cards/?c=${h.contestId}&key=${h.hostKey}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(html).toContain('@page { size: A4');
    for (const seat of h.room.state.definition.seats) {
      expect(html).toContain(`data-seat="${seat.id}"`);
      expect(html).toContain(`<b data-testid="seat-card-code">${formatJoinCode(h.joinCodes[seat.id])}</b>`);
    }
    expect(html.match(/<svg/g)).toHaveLength(3);
  });

  it('[S4] the organiser key opens it too; no key, a wrong key or another contest\'s id does not', async () => {
    const h = await startServer();
    harnesses.push(h);
    const organiser = await fetch(`${h.url}/cards/?c=${h.contestId}&key=${h.app.contests.organiserKey()}&lang=en`);
    expect(organiser.status).toBe(200);
    expect(await organiser.text()).toContain('Seat cards');
    for (const query of [`c=${h.contestId}`, `c=${h.contestId}&key=guess`, `c=nope&key=${h.hostKey}`]) {
      const refused = await fetch(`${h.url}/cards/?${query}`);
      expect(refused.status).toBe(401);
      const body = await refused.text();
      for (const code of Object.values(h.joinCodes)) expect(body).not.toContain(code);
    }
  });

  it('[S4] a card\'s link is the join page with the seat\'s code', () => {
    expect(seatJoinLink('http://hall/contestant/?c=abc', '123456')).toBe('http://hall/contestant/?c=abc&code=123456');
  });
});
