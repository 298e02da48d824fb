// What to do about a lifecycle refusal, where the server's message says what
// is wrong but not what the person at the scale should do next.
import type { ErrorCode } from '@alutrace/shared';

type Advice = Partial<Record<ErrorCode, string>>;

export const adviceZh: Advice = {
  LOT_BALANCE_EXCEEDED: '请把用量改为不超过余量，或复磅后再填。',
  LOT_NOT_HELD: '请核对批次号；在途批次要先到货验收，才能使用。',
  LOT_UNKNOWN: '请核对标签上的批次号；看不清时请手工输入。',
  DISPATCH_NOT_WHOLE: '请移除该批次再重新添加，以取它的当前余量。',
  SHIPMENT_NOT_WHOLE: '请重新输入该批次，以取它的当前余量。',
  RUN_MASS_EXCEEDED: '请核对产出、副产物和投入的重量。',
  MASS_NOT_POSITIVE: '请填写大于 0 的质量（千克）。',
  LOT_TOO_HEAVY: '请核对单位：这里按千克填写。',
  SITE_KIND_WRONG: '请换一个目的地，或移除不适合的批次。',
  LOT_ALREADY_RECEIVED: '该批次已验收过；刷新页面看最新的在途列表。',
  IDEMPOTENCY_CONFLICT: '请再按一次保存。',
  SITE_NOT_ALLOWED: '你的账号不能为这个站点记录；请联系管理员。',
  CORRECTION_NOT_AUTHOR: '请由原记录人或管理员更正。',
};

export const adviceEn: Advice = {
  LOT_BALANCE_EXCEEDED: 'Use at most the balance, or weigh again and enter that.',
  LOT_NOT_HELD: 'Check the lot id; a lot in transit must be received before it is used.',
  LOT_UNKNOWN: 'Check the lot id on the label; type it by hand if it is hard to read.',
  DISPATCH_NOT_WHOLE: 'Remove the lot and add it again to take its current balance.',
  SHIPMENT_NOT_WHOLE: 'Enter the lot again to take its current balance.',
  RUN_MASS_EXCEEDED: 'Check the weights of the outputs, by-products and inputs.',
  MASS_NOT_POSITIVE: 'Enter a mass above 0 (in kg).',
  LOT_TOO_HEAVY: 'Check the unit: masses here are in kg.',
  SITE_KIND_WRONG: 'Choose another destination, or remove the lots that do not fit it.',
  LOT_ALREADY_RECEIVED: 'That lot was already received; reload the page for the current list.',
  IDEMPOTENCY_CONFLICT: 'Press Save again.',
  SITE_NOT_ALLOWED: 'Your account cannot record for this site; ask an administrator.',
  CORRECTION_NOT_AUTHOR: 'Ask the author of the entry, or an administrator, to correct it.',
};
