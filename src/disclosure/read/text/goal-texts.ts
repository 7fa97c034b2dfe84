/**
 * Best-effort split of the long text cells of 预算21–23表. Extraction prints each cell's wrapped
 * lines one after another, so only the text gives the boundaries: a numbered list restarting at
 * "1." opens the next goal cell (21/22); in 23 the indicator names open the 产出 and 效益 cells and
 * the first sentence end at a line end closes the 部门职能职责描述.
 */

const NUMBERED = /^(\d+)\s*[.、．]/;
const OUTPUT = /^(数量指标|质量指标|时效指标|成本指标)/;
const BENEFIT = /^(经济效益指标|社会效益指标|生态效益指标|可持续影响指标|社会公益或服务对象满意度(指标)?|服务对象满意度(指标)?)/;

/** Goal cells of 21/22, in column order: a block per numbered list; the rest joins the last block. */
export function splitNumbered(lines: string[], keys: string[]): Map<string, string> {
  const blocks: string[] = [];
  let seen = 0;
  for (const line of lines) {
    const m = NUMBERED.exec(line);
    const n = m ? Number(m[1]) : 0;
    if (!blocks.length || (n === 1 && seen > 0 && blocks.length < keys.length)) blocks.push('');
    if (n) seen = n;
    blocks[blocks.length - 1] += line;
  }
  return new Map(blocks.map((b, i) => [keys[i], b]));
}

/** The four text cells of a 23 row. */
export function splitOverall(lines: string[]): Map<string, string> {
  const out = new Map<string, string>();
  const first = lines.findIndex((l) => OUTPUT.test(l) || BENEFIT.test(l));
  const head = first < 0 ? lines : lines.slice(0, first);
  const cut = head.findIndex((l, i) => i > 0 && /。$/.test(head[i - 1]));
  const add = (key: string, s: string) => s && out.set(key, (out.get(key) ?? '') + s);
  add('duties', (cut < 0 ? head : head.slice(0, cut)).join(''));
  if (cut >= 0) add('overallGoal', head.slice(cut).join(''));
  let block = 'output';
  for (const l of first < 0 ? [] : lines.slice(first)) {
    if (OUTPUT.test(l)) block = 'output';
    else if (BENEFIT.test(l)) block = 'benefit';
    add(block, l);
  }
  return out;
}
