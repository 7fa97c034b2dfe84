/** What the grid says about a typed amount, and how the charts print shares and names. */
import { describe, expect, it } from 'vitest';
import { escapeHtml, labelledBars, share, signedShare } from '../../web/src/chart-options.ts';
import { amountProblemKey } from '../../web/src/amount-check.ts';

describe('a typed 万元 amount', () => {
  it('is refused with the reason a person can act on', () => {
    expect(amountProblemKey('-5')).toBe('cellNegative');
    expect(amountProblemKey('0')).toBe('cellNegative');
    expect(amountProblemKey('1.1234567')).toBe('cellTooPrecise');
    expect(amountProblemKey('abc')).toBe('cellNotNumber');
    expect(amountProblemKey('1.2.3')).toBe('cellNotNumber');
  });
  it('is accepted up to 6 decimals (one 分), trailing zeros beyond that included', () => {
    expect(amountProblemKey('33.5')).toBeNull();
    expect(amountProblemKey('0.000001')).toBeNull();
    expect(amountProblemKey('1.12345600')).toBeNull();
    expect(amountProblemKey('1,234.56')).toBeNull();
  });
});

describe('chart text', () => {
  it('prints every share with one decimal, from integer 分', () => {
    expect(share(7_500, 30_374)).toBe('24.7%');
    expect(share(1, 3)).toBe('33.3%');
    expect(share(30_374, 30_374)).toBe('100.0%');
    expect(share(5, 0)).toBe('—');
    expect(signedShare(200, 30_174)).toBe('+0.7%');
    expect(signedShare(-200, 30_174)).toBe('-0.7%');
  });
  it('escapes names before they reach the HTML of a tooltip', () => {
    expect(escapeHtml('<img src=x onerror=alert(1)> & "q"')).toBe('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot;');
    const option = labelledBars([{ id: 'x', name: '<b>办公</b>', fen: 100 }], 100, '万元') as { tooltip: { formatter: (p: unknown) => string } };
    const html = option.tooltip.formatter({ data: { id: 'x', name: '<b>办公</b>', value: 0, fen: 100 } });
    expect(html).toContain('&lt;b&gt;办公&lt;/b&gt;');
    expect(html).not.toContain('<b>');
  });
});
