/**
 * A classification code picker: shows "code name", searches by code prefix or by name, lists
 * each candidate with its parents (类 › 款) so that same-named subjects (行政运行) can be told apart.
 */
import { useId, useMemo, useRef, useState } from 'react';
import type { Subject } from '../api.ts';
import { useI18n } from '../i18n.ts';

interface Props {
  subjects: Subject[];
  /** Only codes of this level can be chosen (项 for functions, 款 for economic classes). */
  level: Subject['level'];
  value: string;
  onChange: (code: string) => void;
  /** Offer a blank choice, shown as this text. */
  emptyLabel?: string;
  disabled?: boolean;
  label: string;
}

const MAX_SHOWN = 60;

export function CodePicker({ subjects, level, value, onChange, emptyLabel, disabled, label }: Props) {
  const { t, term } = useI18n();
  const byCode = useMemo(() => new Map(subjects.map((s) => [s.code, s])), [subjects]);
  const choices = useMemo(() => subjects.filter((s) => s.level === level), [subjects, level]);
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);

  const nameOf = (code: string) => {
    const s = byCode.get(code);
    return s ? term(s.name) : undefined;
  };
  const parents = (s: Subject) => {
    const out: string[] = [];
    for (let p = s.parent ? byCode.get(s.parent) : undefined; p; p = p.parent ? byCode.get(p.parent) : undefined) out.unshift(term(p.name));
    return out.join(' › ');
  };

  const open = query !== null;
  const q = (query ?? '').trim().toLowerCase();
  const matches = useMemo(() => {
    if (!open) return [];
    const words = q.split(/\s+/).filter(Boolean);
    return choices.filter((s) => {
      const hay = `${s.code} ${s.name} ${term(s.name)} ${parents(s)}`.toLowerCase();
      return words.every((w) => (/^\d+$/.test(w) ? s.code.startsWith(w) : hay.includes(w)));
    });
  }, [open, q, choices, term]);
  const options = [...(emptyLabel !== undefined && !q ? [{ code: '', name: emptyLabel } as Subject] : []), ...matches].slice(0, MAX_SHOWN);

  const choose = (code: string) => {
    setQuery(null);
    if (code !== value) onChange(code);
  };
  const shown = value ? `${value} ${nameOf(value) ?? ''}`.trim() : (emptyLabel ?? '');
  const unknown = value !== '' && !byCode.has(value);

  return (
    <div className={`code-picker${unknown ? ' unknown' : ''}`}>
      <input
        ref={input}
        role="combobox"
        aria-label={label}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && options[active] ? `${listId}-${active}` : undefined}
        value={open ? (query ?? '') : shown}
        title={shown}
        placeholder={t('pickerPlaceholder')}
        disabled={disabled}
        onFocus={() => {
          setQuery('');
          setActive(0);
        }}
        onBlur={() => setQuery(null)}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, options.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter' && options[active]) {
            e.preventDefault();
            choose(options[active].code);
            input.current?.blur();
          } else if (e.key === 'Escape') input.current?.blur();
          else return;
          e.preventDefault();
        }}
      />
      {open && (
        <ul className="picker-list" id={listId} role="listbox" aria-label={label}>
          {options.length === 0 && <li className="muted">{t('pickerNoMatch')}</li>}
          {options.map((s, i) => (
            <li
              key={s.code || '-'}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              // mousedown, not click: the input's blur would close the list first
              onMouseDown={(e) => {
                e.preventDefault();
                choose(s.code);
                input.current?.blur();
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span className="code">{s.code}</span> <span className="name">{s.code ? term(s.name) : s.name}</span>
              {s.code && <span className="parents">{parents(s)}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
