// What each kind of ledger entry is called, in both languages: the ledger list
// shows these words, and keeps the code (`user.created`) for those who want it.

export const ENTRY_KIND_NAMES: Readonly<Record<string, { en: string; zh: string }>> = {
  'collection.recorded': { en: 'Collection recorded', zh: '回收登记' },
  'lots.dispatched': { en: 'Lots dispatched', zh: '发运' },
  'lots.received': { en: 'Lots received', zh: '收货' },
  'processing.recorded': { en: 'Processing run', zh: '加工作业' },
  'byproduct.utilised': { en: 'By-product utilised or disposed', zh: '副产物利用处置' },
  'product.shipped': { en: 'Product shipped', zh: '产品出售' },
  'correction.recorded': { en: 'Correction', zh: '更正' },
  'incentive_scheme.defined': { en: 'Incentive scheme defined', zh: '定义补贴方案' },
  'incentive_statement.issued': { en: 'Incentive statement issued', zh: '出具补贴结算单' },
  'emission_factors.defined': { en: 'Emission factors defined', zh: '定义排放因子' },
  'anomaly_thresholds.set': { en: 'Anomaly thresholds set', zh: '设置异常阈值' },
  'target.defined': { en: 'Target defined', zh: '定义目标' },
  'grade.defined': { en: 'Scrap grade defined', zh: '定义废料品级' },
  'alloy.defined': { en: 'Alloy defined', zh: '定义合金牌号' },
  'site.created': { en: 'Site created', zh: '新建站点' },
  'site.updated': { en: 'Site updated', zh: '修改站点' },
  'user.created': { en: 'User created', zh: '新建用户' },
  'user.profile_changed': { en: 'User details changed', zh: '修改用户资料' },
  'user.role_changed': { en: 'User role changed', zh: '变更用户角色' },
  'user.sites_changed': { en: "User's sites changed", zh: '变更用户所属站点' },
  'user.deactivated': { en: 'User deactivated', zh: '停用用户' },
  'user.reactivated': { en: 'User reactivated', zh: '重新启用用户' },
  'user.password_changed': { en: 'Password changed', zh: '修改密码' },
  'user.password_reset': { en: 'Password reset', zh: '重置密码' },
  'token.created': { en: 'API token created', zh: '创建 API 令牌' },
  'token.revoked': { en: 'API token revoked', zh: '吊销 API 令牌' },
};

/** The entry kind in words; a kind without a name (a newer server's) stays its code. */
export function entryKindName(kind: string, language: 'en' | 'zh'): string {
  return ENTRY_KIND_NAMES[kind]?.[language] ?? kind;
}
