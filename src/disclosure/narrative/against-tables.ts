/**
 * Figures of the 说明 against the tables of the same document: a figure whose subject names a
 * concept (收支总计, 财政拨款收入, 一般公共预算拨款支出, “三公”经费, 机关运行经费…) must equal what
 * the tables print for it, within the rounding of both prints. A concept the tables do not show is
 * not judged; nor is a figure said to be last year's.
 */
import type { Table } from '../../ir/table.ts';
import { formatMoney } from '../../money/money.ts';
import { conceptOf, englishOf, type Concept } from './concepts.ts';
import { placeOf, previousMarker, type NarrativeContext, type Stated } from './context.ts';
import { bare, type Amount } from './figures.ts';
import { Lookup, type TableFigure } from './lookup.ts';
import { narrativeFinding, type NarrativeFinding } from './rules.ts';

export interface Pairing {
  sentence: Stated;
  figure: Amount;
  concept: Concept;
  table: TableFigure;
}

/** Every figure of the text that names a concept the tables print, with the table's figure. */
export function pairings(ctx: NarrativeContext, tables: Table[]): Pairing[] {
  const lookup = new Lookup(tables);
  const previous = previousMarker(ctx.year);
  return ctx.sentences.flatMap((sentence) =>
    sentence.figures.flatMap((figure): Pairing[] => {
      if (figure.kind !== 'amount' || previous.test(figure.subject)) return [];
      const subject = bare(figure.subject);
      const concept = conceptOf(subject) ?? labelled(sentence, figure.at);
      const table = concept?.sources.map((src) => lookup.find(src, concept.prefer?.(subject))).find(Boolean);
      return concept && table ? [{ sentence, figure, concept, table }] : [];
    }),
  );
}

/**
 * Findings for the figures that differ from the tables. Such a figure then takes the table's value
 * in the context, so that the checks after this one (shares, changes) judge the rest of the text on
 * the figure it should have printed, and one wrong figure is reported once, not again in every
 * share and rate computed from it.
 */
/**
 * "收入预算：2024年年初预算数303.74万元" — the first figure after a label and a colon, with words
 * that name nothing of their own, is the label's.
 */
function labelled(s: Stated, at: number): Concept | undefined {
  const m = /^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十\d]+[、.．])?([^，。；：:]+)[：:]([^，。；：:]*)$/.exec(s.text.slice(0, at));
  return m && /^(?:\d{4}年度?)?(?:年初)?(?:预算数|预算|决算数|合计|总计|为)?$/.test(m[2]) ? conceptOf(bare(m[1])) : undefined;
}

export function checkAgainstTables(ctx: NarrativeContext, tables: Table[]): NarrativeFinding[] {
  return pairings(ctx, tables)
    .filter(({ figure, table }) => Math.abs(figure.value - table.value) > (figure.step + table.precision) / 2)
    .map(({ sentence, figure, concept, table: hit }) => {
      const found = figure.value;
      figure.value = hit.value;
      return narrativeFinding(
        'N-figure',
        placeOf(sentence, figure.at),
        {
          label: concept.zh,
          labelEn: englishOf(concept),
          stated: figure.text,
          table: hit.table.title.replace(/\s+/g, ''),
          cell: `${hit.rowLabel}·${hit.columnLabel}`,
          actual: `${formatMoney(hit.value, hit.table.unit, 2)}${hit.table.unit}`,
        },
        { table: hit.table.id, row: hit.row, rowLabel: hit.rowLabel, column: hit.columnKey, columnLabel: hit.columnLabel, expected: hit.value, found },
      );
    });
}
