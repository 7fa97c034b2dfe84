/** 六 (四) 政府采购情况, (五) 国有资产占用使用及新增资产配置情况 (from the inputs), (六) 预算绩效目标说明 (预算21–23表). */
import { amount, count, statement, text } from '../statement.ts';
import { ofKind } from '../figures.ts';
import { heading, paragraph, type SectionContext } from './context.ts';
import type { Block } from '../document.ts';

export function procurement(ctx: SectionContext): Block[] {
  const { word: w, year } = ctx;
  const p = ctx.inputs.procurement;
  const head = heading(3, '（四）政府采购情况');
  const sum = p ? p.goods + p.works + p.services : 0;
  if (!p || sum === 0) return [head, ...paragraph(statement('none')`${String(year)}年本${w}无政府采购预算。`)];
  const src = (k?: string) => ({ from: 'input' as const, path: `publication.procurement${k ? `.${k}` : ''}` });
  return [
    head,
    ...paragraph(
      statement('procurement')`${String(year)}年本${w}政府采购预算总额${amount(sum, src())}万元，其中：货物类采购预算${amount(p.goods, src('goods'))}万元，工程类采购预算${amount(p.works, src('works'))}万元，服务类采购预算${amount(p.services, src('services'))}万元。`,
    ),
  ];
}

export function assets(ctx: SectionContext): Block[] {
  const { word: w, year } = ctx;
  const a = ctx.inputs.assets;
  const head = heading(3, '（五）国有资产占用使用及新增资产配置情况');
  if (!a) return [head, ...paragraph(statement('none')`本${w}未填报国有资产占用情况。`)];
  const vehicles = a.vehicles.reduce((s, v) => s + v.count, 0);
  const byCategory = a.vehicles.filter((v) => v.count > 0).map((v, i) => [i ? '、' : '', text(v.category), count(v.count), '辆']);
  const newTotal = a.newAssets.reduce((s, n) => s + n.amount, 0);
  return [
    head,
    ...paragraph(
      statement('assets')`截至${text(a.asOf)}，本${w}共有车辆${count(vehicles)}辆${byCategory.length > 0 && ['，其中：', byCategory]}；单位价值50万元以上通用设备${count(a.equipmentOver50)}台（套），单位价值100万元以上专用设备${count(a.specialEquipmentOver100)}台（套）。`,
      a.newAssets.length
        ? statement('newAssets')`${String(year)}年本${w}拟新增配置资产${amount(newTotal, { from: 'input', path: 'publication.assets.newAssets' })}万元，其中：${a.newAssets.map((n, i) => [
            i ? '；' : '',
            text(n.name),
            count(n.count),
            '台（套），',
            amount(n.amount, { from: 'input', path: `publication.assets.newAssets.${i}.amount` }),
            '万元',
          ])}。`
        : statement('newAssets')`${String(year)}年本${w}无新增资产配置预算。`,
    ),
  ];
}

export function performance(ctx: SectionContext): Block[] {
  const { word: w, year, fig } = ctx;
  const head = heading(3, '（六）预算绩效目标说明');
  const refs = [ofKind('21', 'project', 'total'), ofKind('22', 'project', 'total')];
  const projects = fig.count('21', 'project') + fig.count('22', 'project');
  const whole = fig.count('23', 'unit');
  if (projects === 0 && whole === 0) return [head, ...paragraph(statement('none')`${String(year)}年本${w}未编制预算绩效目标。`)];
  return [
    head,
    ...paragraph(
      statement('performance')`${String(year)}年本${w}${whole > 0 && ['整体支出和']}${count(projects)}个项目编制了绩效目标，涉及项目资金${fig.amount(...refs)}万元。项目绩效目标详见预算21表、预算22表${whole > 0 && `，${w}整体支出绩效目标详见预算23表`}。`,
    ),
  ];
}
