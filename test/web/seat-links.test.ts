// The host console's view of each seat's link (P2): badges from the server's `seat:links`
// report, and the warning that names every seat too slow to judge fairly.
import { describe, expect, it } from 'vitest';
import type { SeatView } from '../../shared/contest/views.js';
import { translate } from '../../shared/i18n/index.js';
import type { SeatLink } from '../../shared/protocol.js';
import { linkBadge, poorLinkSeats } from '../../web/host/seat-links.js';

const seat = (id: string, name: string) => ({ id, name }) as SeatView;
const seats = [seat('s1', '第一代表队'), seat('s2', '第二代表队'), seat('s3', '第三代表队'), seat('s4', '第四代表队')];
const link = (quality: SeatLink['quality'], rttMs: number | null, oneWayMs: number | null = rttMs === null ? null : rttMs / 2): SeatLink => ({ rttMs, oneWayMs, quality, warning: null });

describe('seat links on the host console', () => {
  it('[P2] badges a seat by its link quality with its round trip in whole milliseconds', () => {
    expect(linkBadge(link('good', 12.6, 6.3))).toEqual({ quality: 'good', label: 'linkQuality.good', rttMs: 13, oneWayMs: 6 });
    expect(linkBadge(link('fair', 150))).toMatchObject({ quality: 'fair', label: 'linkQuality.fair', rttMs: 150 });
    expect(linkBadge(link('poor', 420))).toMatchObject({ quality: 'poor', label: 'linkQuality.poor' });
    // Not yet measured, or not reported at all: unknown, with no number.
    expect(linkBadge(link('unknown', null))).toEqual({ quality: 'unknown', label: 'linkQuality.unknown', rttMs: null, oneWayMs: null });
    expect(linkBadge(undefined)).toEqual({ quality: 'unknown', label: 'linkQuality.unknown', rttMs: null, oneWayMs: null });
  });

  it('[P2] warns about every seat with a poor link, in seat order, in both languages', () => {
    expect(poorLinkSeats({ seats }, {})).toEqual([]);
    expect(poorLinkSeats({ seats }, { s1: link('good', 20), s2: link('fair', 140), s4: link('unknown', null) })).toEqual([]);

    const one = poorLinkSeats({ seats }, { s1: link('good', 20), s3: link('poor', 480) });
    expect(one).toEqual(['第三代表队']);
    expect(translate('zh', 'host.poorLinks', { names: one.join(translate('zh', 'common.listSeparator')) })).toBe(
      '第三代表队网络延迟较大，抢答判定可能不准：请让其靠近路由器、关闭省电模式或改用有线抢答器',
    );

    const two = poorLinkSeats({ seats }, { s4: link('poor', 400), s2: link('poor', 380) });
    expect(two).toEqual(['第二代表队', '第四代表队']);
    expect(translate('zh', 'host.poorLinks', { names: two.join(translate('zh', 'common.listSeparator')) })).toMatch(/^第二代表队、第四代表队网络延迟较大/);
    expect(translate('en', 'host.poorLinks', { names: ['Team 2', 'Team 4'].join(translate('en', 'common.listSeparator')) })).toMatch(
      /^Team 2, Team 4: high network delay.*router.*power saving.*wired buzzer/,
    );
  });

  it('[P2] ignores reports for seats the contest no longer has', () => {
    expect(poorLinkSeats({ seats }, { gone: link('poor', 500) })).toEqual([]);
  });
});
