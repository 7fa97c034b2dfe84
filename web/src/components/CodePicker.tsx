/**
 * A classification code picker: shows "code name", searches by code prefix or by name, lists
 * each candidate with its parents (类 › 款) so that same-named subjects (行政运行) can be told apart.
 * With `allowUnlisted`, a code outside the list is accepted with the name typed after it, and
 * shown marked as such.
 */
import { useId, useMemo, useRef, useState } from 'react';
import type { Subject } from '../api.ts';
import { useI18n } from '../i18n.ts';

interface Props {
  subjects: Subject[];
  /** Only codes of this level can be chosen (项 for functions, 款 for economic classes). */
  level: Subject['level'];
  value: string;
  /** `name`: given for a code outside the list (only with `allowUnlisted`); absent for a listed code. */
  onChange: (code: string, name?: string) => void;
  /** Accept a code of the level that is not in the list, with a name typed after it (`2130101 行政运行`). */
  allowUnlisted?: boolean;
  /** The name given for `value` when it is not in the list. */
  unlistedName?: string;
  /** Offer a blank choice, shown as this text. */
  emptyLabel?: string;
  disabled?: boolean;
  label: string;
}

const MAX_SHOWN = 60;

const CODE_LENGTH = { 类: 3, 款: 5, 项: 7 } as const;

export function CodePicker({ subjects, level, value, onChange, emptyLabel, disabled, label, allowUnlisted, unlistedName }: Props) {
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
  // “2130101 行政运行” for a code of this level outside the list: offered as a choice of its own
  const typed = /^(\d+)\s+(\S.*)$/.exec((query ?? '').trim());
  const unlisted = allowUnlisted && typed && typed[1].length === CODE_LENGTH[level] && !byCode.has(typed[1]) ? { code: typed[1], level, name: typed[2].trim(), unlisted: true } : undefined;
  const options: (Subject & { unlisted?: boolean })[] = [...(emptyLabel !== undefined && !q ? [{ code: '', name: emptyLabel } as Subject] : []), ...(unlisted ? [unlisted] : []), ...matches].slice(0, MAX_SHOWN);

  const choose = (s: Subject & { unlisted?: boolean }) => {
    setQuery(null);
    if (s.unlisted) onChange(s.code, s.name);
    else if (s.code !== value || unlistedName) onChange(s.code);
  };
  const custom = value !== '' && !byCode.has(value) && unlistedName;
  const shown = value ? `${value} ${nameOf(value) ?? unlistedName ?? ''}`.trim() : (emptyLabel ?? '');
  const unknown = value !== '' && !byCode.has(value) && !custom;

  return (
    <div className={`code-picker${unknown ? ' unknown' : ''}${custom ? ' unlisted' : ''}`}>
      <input
        ref={input}
        role="combobox"
        aria-label={label}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && options[active] ? `${listId}-${active}` : undefined}
        value={open ? (query ?? '') : shown}
        title={custom ? `${shown}（${t('pickerUnlistedMark')}）` : shown}
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
            choose(options[active]);
            input.current?.blur();
          } else if (e.key === 'Escape') input.current?.blur();
          else return;
          e.preventDefault();
        }}
      />
      {open && (
        <ul className="picker-list" id={listId} role="listbox" aria-label={label}>
          {options.length === 0 && <li className="muted">{allowUnlisted && /^\d+$/.test(q) && q.length === CODE_LENGTH[level] ? t('pickerUnlistedHint') : t('pickerNoMatch')}</li>}
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
                choose(s);
                input.current?.blur();
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span className="code">{s.code}</span> <span className="name">{s.code ? term(s.name) : s.name}</span>
              {s.code && <span className="parents">{s.unlisted ? t('pickerUseUnlisted') : parents(s)}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
