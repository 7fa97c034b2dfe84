/** Two published years side by side: totals, kinds and function classes, with the change. */
import type { YearOnYear } from '../api.ts';
import { percent, wan } from '../format.ts';
import { useI18n } from '../i18n.ts';

export function YearOnYearView({ yoy }: { yoy: YearOnYear }) {
  const { t, term } = useI18n();
  const [a, b] = yoy.years;
  // labels are "code name" for function classes and a plain term otherwise
  const label = (l: string) => {
    const m = /^(\d+) (.+)$/.exec(l);
    return m ? `${m[1]} ${term(m[2])}` : term(l);
  };
  return (
    <table className="grid yoy">
      <caption>{t('yoyTitle', { a: b, b: a })}</caption>
      <thead>
        <tr>
          <th>{t('yoyItem')}</th>
          <th className="num">{a}</th>
          <th className="num">{b}</th>
          <th className="num">{t('yoyChange')}</th>
          <th className="num">{t('yoyRatio')}</th>
        </tr>
      </thead>
      <tbody>
        {yoy.rows.map((r) => (
          <tr key={r.key} className={r.key === 'total' ? 'total' : undefined}>
            <th scope="row">{label(r.label)}</th>
            <td className="num">{wan(r.previousFen)}</td>
            <td className="num">{wan(r.currentFen)}</td>
            <td className={`num ${r.changeFen > 0 ? 'up' : r.changeFen < 0 ? 'down' : ''}`}>{(r.changeFen > 0 ? '+' : '') + wan(r.changeFen)}</td>
            <td className="num">{percent(r.changeRatio)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
