/** Where the budget is in 编制 → 送审 → 审核 → 公开, and the steps the signed-in user may take now. */
import { useState } from 'react';
import type { BudgetView, Status, User } from '../api.ts';
import { useI18n } from '../i18n.ts';
import { Link } from '../router.tsx';
import { StatusBadge } from './common.tsx';

export type Transition = 'submit' | 'withdraw' | 'approve' | 'return' | 'publish';

const STEPS: Status[] = ['draft', 'submitted', 'approved', 'published'];

/** What each role may do in each state (the server enforces the same; this only hides dead buttons). */
export function allowedTransitions(user: User | null, b: BudgetView): Transition[] {
  if (!user) return [];
  const editor = user.role === 'admin' || (user.role === 'editor' && user.unitCode === b.unit.code);
  const reviewer = user.role === 'admin' || (user.role === 'reviewer' && user.departmentCode === b.unit.departmentCode);
  const out: Transition[] = [];
  if (editor && (b.status === 'draft' || b.status === 'returned')) out.push('submit');
  if (editor && b.status === 'submitted') out.push('withdraw');
  if (reviewer && b.status === 'submitted') out.push('approve', 'return');
  if (reviewer && b.status === 'approved') out.push('publish');
  return out;
}

interface Props {
  budget: BudgetView;
  user: User | null;
  errors: number;
  publishedVersion?: number;
  onTransition: (name: Transition, comment?: string) => Promise<boolean>;
}

export function WorkflowBar({ budget: b, user, errors, publishedVersion, onTransition }: Props) {
  const { t, status: statusLabel } = useI18n();
  const [comment, setComment] = useState<{ for: 'approve' | 'return'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const allowed = allowedTransitions(user, b);
  const run = async (name: Transition, text?: string) => {
    setBusy(true);
    if (await onTransition(name, text)) setComment(null);
    setBusy(false);
  };
  const label: Record<Transition, string> = { submit: t('submit'), withdraw: t('withdraw'), approve: t('approve'), return: t('returnBudget'), publish: t('publish') };
  const current = b.status === 'returned' ? 0 : STEPS.indexOf(b.status);

  return (
    <section className="workflow card" aria-label={t('workflow')} data-version={b.version} data-status={b.status}>
      <div className="workflow-head">
        <StatusBadge status={b.status} />
        <ol className="steps">
          {STEPS.map((s, i) => (
            <li key={s} className={i < current ? 'done' : i === current ? 'current' : undefined}>
              {statusLabel(s)}
            </li>
          ))}
        </ol>
        <span className="muted">
          {t('version')} {b.version}
        </span>
        <div className="workflow-actions">
          {allowed.map((name) => (
            <button
              key={name}
              type="button"
              className={name === 'return' || name === 'withdraw' ? undefined : 'primary'}
              disabled={busy || (name === 'publish' && errors > 0)}
              title={name === 'publish' && errors > 0 ? t('publishBlocked', { n: errors }) : undefined}
              onClick={() => (name === 'return' || name === 'approve' ? setComment({ for: name, text: '' }) : run(name))}
            >
              {label[name]}
            </button>
          ))}
        </div>
      </div>
      {b.reviewComment && (
        <p className={`review-comment ${b.status}`}>
          {t('reviewComment')}：{b.reviewComment}
        </p>
      )}
      {publishedVersion !== undefined && (
        <p className="ok">
          {t('publishedAs', { n: publishedVersion })} · <Link to={`/public/${b.unit.code}/${b.year}`}>{t('viewPublic')}</Link>
        </p>
      )}
      {comment && (
        <div className="comment-form">
          <label>
            {comment.for === 'return' ? t('returnComment') : t('approveComment')}
            <textarea value={comment.text} onChange={(e) => setComment({ ...comment, text: e.target.value })} rows={3} autoFocus />
          </label>
          <button type="button" className="primary" disabled={busy || (comment.for === 'return' && !comment.text.trim())} onClick={() => run(comment.for, comment.text.trim() || undefined)}>
            {label[comment.for]}
          </button>
          <button type="button" onClick={() => setComment(null)}>
            {t('cancel')}
          </button>
        </div>
      )}
    </section>
  );
}
