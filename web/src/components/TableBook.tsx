/** All tables of a package with a contents list; a finding can point at one cell. */
import type { JsonTable } from '../api.ts';
import { useI18n } from '../i18n.ts';
import { BudgetTable, type CellRef } from './BudgetTable.tsx';

export interface TableCellRef extends CellRef {
  table: string;
}

export function TableBook({ tables, highlight }: { tables: JsonTable[]; highlight?: TableCellRef }) {
  const { t, term, lang } = useI18n();
  // the table's box (its scroll-margin keeps the title below the sticky header)
  const jump = (id: string) => document.getElementById(`table-${id}`)?.closest('.table-wrap')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  return (
    <div className="table-book">
      <nav className="toc" aria-label={t('tablesContents')}>
        <h3>{t('tablesContents')}</h3>
        <ol>
          {tables.map((x) => (
            <li key={x.id}>
              <a
                href={`#table-${x.id}`}
                onClick={(e) => {
                  e.preventDefault();
                  jump(x.id);
                }}
              >
                <span className="mark">{lang === 'zh' ? x.mark : t('tableMark', { id: x.id })}</span> {lang === 'zh' ? x.title.replace(/\s+/g, '') : term(x.title.trim())}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      <div className="tables">
        {tables.map((x) => (
          <div className="table-wrap" key={x.id}>
            <BudgetTable table={x} highlight={highlight?.table === x.id ? highlight : undefined} />
          </div>
        ))}
      </div>
    </div>
  );
}
