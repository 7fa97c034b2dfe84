/** Running text broken into lines: widths respected, nothing lost, and the simple 标点 rules. */
import { describe, expect, it } from 'vitest';
import { Glyphs } from '../../../src/formats/pdf/glyphs.ts';
import { wrapProse } from '../../../src/formats/pdf/prose.ts';

// Full-width characters 1 em, ASCII half: easy widths to reason about.
const glyphs = new Glyphs((ch) => (ch.charCodeAt(0) < 0x80 ? 0.5 : 1));
const width = (s: string) => glyphs.em(s) * 10;

describe('wrapProse', () => {
  it('wraps Chinese between characters, keeping numbers whole, with the first line indented', () => {
    const lines = wrapProse(glyphs, '本单位收入预算总计303.74万元，比上年增加8.64万元。', 100, 10, 20);
    expect(lines.join('')).toBe('本单位收入预算总计303.74万元，比上年增加8.64万元。');
    expect(width(lines[0])).toBeLessThanOrEqual(80);
    for (const l of lines.slice(1, -1)) expect(width(l)).toBeGreaterThan(80);
    for (const n of ['303.74', '8.64']) expect(lines.some((l) => l.includes(n)), n).toBe(true);
  });

  it('never starts a line with closing punctuation: it hangs at the end of the line before', () => {
    // Ten characters fill a line; the eleventh is a ，
    const lines = wrapProse(glyphs, '一二三四五六七八九十，甲乙丙。', 100, 10);
    expect(lines).toEqual(['一二三四五六七八九十，', '甲乙丙。']);
    const many = wrapProse(glyphs, '预算（“三公”经费）、会议费；培训费：合计。'.repeat(12), 95, 10);
    for (const l of many.slice(1)) expect(l[0], l).not.toMatch(/[，。、；：）”]/);
  });

  it('never ends a line with opening punctuation: it goes on with what it opens', () => {
    const lines = wrapProse(glyphs, '一二三四五六七八九（十）', 100, 10);
    expect(lines).toEqual(['一二三四五六七八九', '（十）']);
  });

  it('starts a new line, without indent, at a line break in the text', () => {
    expect(wrapProse(glyphs, '甲\n乙', 100, 10, 20)).toEqual(['甲', '乙']);
  });
});
