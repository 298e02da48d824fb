// Each anomaly's reason in words, in both languages: the web list and the
// CSV export say the same sentence.
import type { AnomalyItem, AnomalyListKind } from '../api/anomalies-api';
import { pctText } from '../lots/run-balance';
import { formatMassKg } from '../units/mass-text';

type Lang = 'zh' | 'en';

export const ANOMALY_KIND_NAMES: Record<AnomalyListKind, { zh: string; en: string }> = {
  high_melt_loss: { zh: '熔损过高', en: 'High melt loss' },
  yield_out_of_band: { zh: '收得率超出品级区间', en: "Yield outside the grade's band" },
  transit_discrepancy: { zh: '运输差异超出容差', en: 'Transit discrepancy' },
  not_received: { zh: '发运后未收货', en: 'Dispatch never received' },
  seller_daily_volume: { zh: '交售方单日交售量过大', en: 'Seller above the daily volume' },
  seller_monthly_volume: { zh: '交售方单月交售量过大', en: 'Seller above the monthly volume' },
  label_digest_mismatch: { zh: '标签校验码不符', en: 'Label scanned with a wrong digest' },
  site_corrections: { zh: '站点更正次数异常', en: 'Many corrections at a site' },
  user_corrections: { zh: '用户更正次数异常', en: 'Many corrections by a user' },
  outside_hours: { zh: '非营业时间回收', en: 'Collection outside usual hours' },
};

function clock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

export function anomalyReason(item: AnomalyItem, lang: Lang): string {
  const zh = lang === 'zh';
  const { expected: e, actual: a, subject: s, detail: d } = item;
  // A run is named by the first lot it made (its id is a UUID nobody reads).
  const made = item.entries[0]?.lotId;
  const runZh = made ? `产出 ${made} 的作业` : `作业 ${s}`;
  const runEn = made ? `The run that made ${made}` : `Run ${s}`;
  switch (item.kind) {
    case 'high_melt_loss':
      return zh
        ? `${runZh}损耗 ${pctText(a)}，超过阈值 ${pctText(e)}。`
        : `${runEn} lost ${pctText(a)} of what went in, above the threshold of ${pctText(e)}.`;
    case 'yield_out_of_band':
      return zh
        ? `${runZh}金属收得率 ${pctText(a)}，${a < e ? '低于' : '高于'}品级区间的${a < e ? '下限' : '上限'} ${pctText(e)}。`
        : `${runEn} yielded ${pctText(a)} metal, ${a < e ? 'below' : 'above'} the grade band's ${a < e ? 'minimum' : 'maximum'} of ${pctText(e)}.`;
    case 'transit_discrepancy':
      return zh
        ? `批次 ${s} 发运 ${formatMassKg(e)}，收货 ${formatMassKg(a)}，差异 ${d}，超出容差。`
        : `Lot ${s} was dispatched at ${formatMassKg(e)} and received at ${formatMassKg(a)}: a difference of ${d}, beyond the tolerance.`;
    case 'not_received':
      return zh
        ? `发运 ${s} 已发出 ${a} 天仍未收货（阈值 ${e} 天）：${d}。`
        : `Dispatch ${s} left ${a} days ago and has not been received (threshold ${e} days): ${d}.`;
    case 'seller_daily_volume':
      return zh
        ? `交售方 ${s} 在 ${d} 交售 ${formatMassKg(a)}，超过单日上限 ${formatMassKg(e)}。`
        : `Seller ${s} delivered ${formatMassKg(a)} on ${d}, above the daily limit of ${formatMassKg(e)}.`;
    case 'seller_monthly_volume':
      return zh
        ? `交售方 ${s} 在 ${d} 交售 ${formatMassKg(a)}，超过单月上限 ${formatMassKg(e)}。`
        : `Seller ${s} delivered ${formatMassKg(a)} in ${d}, above the monthly limit of ${formatMassKg(e)}.`;
    case 'label_digest_mismatch':
      if (item.entries.length === 0) {
        return zh
          ? `标签上的批次 ${s} 不在账本中，被扫描到 ${a} 次（${d}）：标签可能是伪造的。`
          : `A label for lot ${s}, which the ledger does not hold, was scanned ${a} time(s) (${d}): the label may be forged.`;
      }
      return zh
        ? `批次 ${s} 的标签被扫描到 ${a} 次校验码不符（${d}）：标签可能被复制或伪造。`
        : `Lot ${s}'s label was scanned ${a} time(s) with a wrong digest (${d}): the label may be a copy or forged.`;
    case 'site_corrections':
      return zh
        ? `站点 ${s} 在 30 天内有 ${a} 次更正，超过阈值 ${e} 次。`
        : `Site ${s} made ${a} corrections in 30 days, above the threshold of ${e}.`;
    case 'user_corrections':
      return zh
        ? `用户 ${s} 在 30 天内有 ${a} 次更正，超过阈值 ${e} 次。`
        : `User ${s} made ${a} corrections in 30 days, above the threshold of ${e}.`;
    case 'outside_hours':
      return zh
        ? `批次 ${s} 于北京时间 ${clock(a)} 回收登记，不在站点营业时间 ${d} 内。`
        : `Lot ${s} was collected at ${clock(a)} Beijing time, outside the site's usual hours of ${d}.`;
  }
}
