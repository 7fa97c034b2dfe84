/**
 * The whole document yusuan publishes (src/publication, written as PDF by src/formats/document),
 * audited like anyone's: no 说明 finding and no error at all for either example, and
 * copies with a changed figure in the text, a wrong direction word or an XX局 placeholder give
 * exactly that 说明 finding. The copies are
 * made in the publication before it is written, so the PDF reader's lines are what is audited.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { audit } from '../../../src/disclosure/audit/audit.ts';
import type { NarrativeFinding } from '../../../src/disclosure/narrative/index.ts';
import { publicationPdf } from '../../../src/formats/document/pdf.ts';
import type { Publication } from '../../../src/publication/document.ts';
import { buildPublication } from '../../../src/publication/publication.ts';
import { renderParagraph } from '../../../src/publication/statement.ts';
import { loadExample, MULTI_DIR, SEED_DIR } from '../../helpers.ts';

const SLOW = 300_000;
const dir = mkdtempSync(join(tmpdir(), 'yusuan-narrative-pub-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const brief = (f: NarrativeFinding) => `${f.rule} ${Object.entries(f.params).flatMap(([k, v]) => (k === 'labelEn' ? [] : [v])).join(' ')}`;

/** The publication with one paragraph's text (or the title) changed as it would be by hand. */
function edited(p: Publication, from: string | RegExp, to: string): Publication {
  let done = false;
  const blocks = p.blocks.map((b) => {
    if (done || b.type !== 'paragraph') return b;
    const text = renderParagraph(b.statements);
    const changed = text.replace(from, to);
    if (changed === text) return b;
    done = true;
    return { ...b, statements: [{ kind: b.statements[0].kind, parts: [changed] }] };
  });
  expect(done, `${from} not in any paragraph`).toBe(true);
  return { ...p, blocks };
}

async function auditOf(p: Publication, name: string, classification: Parameters<typeof audit>[2]) {
  const path = join(dir, `${name}.pdf`);
  writeFileSync(path, await publicationPdf(p));
  return (await audit(path, 'auto', classification)).report.findings;
}

for (const example of [SEED_DIR, MULTI_DIR]) {
  describe(`the publication of ${example}`, () => {
    const { budget, classification, tables } = loadExample(example);
    const publication = buildPublication(budget, classification, tables);
    const paragraphs = publication.blocks.flatMap((b) => (b.type === 'paragraph' ? [renderParagraph(b.statements)] : []));
    const total = /收入预算总计(\d+\.\d\d)万元/.exec(paragraphs.join(''))!;

    it(
      'audits with no 说明 finding and no error at all',
      async () => {
        const found = await auditOf(publication, `${example.split('/').pop()}-clean`, classification);
        expect(found.filter((f) => f.rule.startsWith('N-')).map((f) => f.message)).toEqual([]);
        expect(found.filter((f) => f.severity === 'error').map((f) => f.message)).toEqual([]);
      },
      SLOW,
    );

    // The copies are made of the seed's publication only: each is a whole PDF audit.
    if (example !== SEED_DIR) return;

    it(
      'a changed figure in the text is found, and only it',
      async () => {
        const raised = `${Number(total[1].split('.')[0]) + 10}.${total[1].split('.')[1]}`;
        const found = await auditOf(edited(publication, `收入预算总计${total[1]}万元`, `收入预算总计${raised}万元`), 'figure', classification);
        expect(found.filter((f) => f.rule.startsWith('N-')).map((f) => brief(f as NarrativeFinding))).toEqual([`N-figure 收入总计 ${raised}万元 收支总表 收入总计·收入/预算数 ${total[1]}万元`]);
      },
      SLOW,
    );

    it(
      'a wrong direction word is found, and only it',
      async () => {
        const change = /比上年(增加|减少)(\d+\.\d\d万元)，(增长|下降)/.exec(paragraphs.join(''))!;
        const [word, rate] = change[1] === '增加' ? ['减少', '下降'] : ['增加', '增长'];
        const found = await auditOf(edited(publication, change[0], `比上年${word}${change[2]}，${rate}`), 'direction', classification);
        expect(found.filter((f) => f.rule.startsWith('N-')).map((f) => f.rule)).toEqual(['N-change-direction']);
      },
      SLOW,
    );

    it(
      'an XX局 placeholder is found, and only it',
      async () => {
        const found = await auditOf(edited(publication, publication.body, '湖南省XX局'), 'placeholder', classification);
        expect(found.filter((f) => f.rule.startsWith('N-')).map((f) => brief(f as NarrativeFinding))).toEqual(['N-placeholder XX局']);
      },
      SLOW,
    );
  });
}
