// Chinese (the default language). This file defines the keys: en.ts must
// have exactly the same ones, which the Messages type enforces.
export const zhCN = {
  app: {
    name: '铝溯源',
    tagline: '再生铝追溯账本',
    skipToContent: '跳到正文',
  },
  nav: {
    label: '主导航',
    ledger: '账本',
  },
  language: {
    label: '界面语言',
    'zh-CN': '中文',
    en: 'English',
  },
  footer: {
    origin: '账本来源：<code>{{origin}}</code>',
    timezone: '时间均为北京时间（UTC+8）。',
  },
  common: {
    loading: '加载中…',
    retry: '重试',
    none: '—',
  },
  errors: {
    title: '出错了',
    unreachable: '无法连接服务器，或服务器的应答无法识别。请检查网络后重试。',
    fieldsTitle: '有问题的字段：',
    pageCrashed: '页面出现意外错误。请刷新页面；如问题仍在，请联系管理员。',
    reload: '刷新页面',
  },
  notFound: {
    title: '页面不存在',
    message: '地址 {{path}} 没有对应的页面。',
    backHome: '返回账本',
  },
  ledger: {
    title: '账本',
    intro:
      '每一次称重、转运和加工都作为一条记录追加到这个只可追加的账本中。记录通过哈希链相连，并组成默克尔树；服务器定期签署检查点，任何人都可以独立校验。',
    head: {
      title: '最新签名检查点',
      treeSize: '树大小（记录数）',
      rootHash: '根哈希',
      signedAt: '签署时间',
      origin: '日志名称',
      note: '签名检查点原文',
      verifierKey: '验证公钥',
      keyHint: '请将此公钥与账本运营方公布的公钥比对：浏览器的校验只能证明检查点由此公钥签署。',
    },
    signature: {
      valid: '签名有效',
      validDetail: '您的浏览器已用上述公钥校验了该检查点的 Ed25519 签名，检查点的树大小和根哈希与服务器报告的一致。',
      invalid: '签名无效',
      malformedNote: '检查点原文格式错误，无法读取。',
      malformedKey: '验证公钥格式错误，无法用于校验。',
      unknownKey: '检查点上没有该公钥的签名。',
      badSignature: '检查点的签名与其内容不符：检查点被改动或伪造。',
      sizeMismatch: '检查点签署的树大小（{{signed}}）与服务器报告的（{{reported}}）不一致。',
      rootMismatch: '检查点签署的根哈希与服务器报告的不一致。',
      originMismatch: '检查点属于日志“{{signed}}”，而非“{{reported}}”。',
    },
    verify: {
      title: '校验账本',
      hint: '服务器将重新计算每条记录的哈希、哈希链、默克尔树节点，并校验所有签名检查点。',
      button: '校验账本',
      running: '正在校验…',
      ok: '校验通过：账本完整',
      failed: '校验失败',
      entriesChecked: '已校验记录',
      treeSize: '树大小',
      checkpointsChecked: '已校验检查点',
      duration: '耗时',
      rootHash: '根哈希',
      unsigned: '最新的 {{entries}} 条记录尚未被签名检查点覆盖，下一个检查点将覆盖它们。',
      failureCode: '错误代码',
      failureSeq: '出错记录序号',
    },
    entries: {
      title: '记录',
      total: '共 {{total}} 条，最新的在前',
      empty: '账本中还没有记录。',
      seq: '序号',
      recordedAt: '记录时间',
      kind: '事件类型',
      site: '站点',
      actor: '操作者',
      leafHash: '叶哈希',
      fullEntry: '完整记录（规范 JSON 的内容）',
      hashMatches: '您的浏览器重新计算了这条记录的叶哈希，与存储的一致。',
      hashMismatch: '您的浏览器重新计算的叶哈希与存储的不一致：这条记录写入后被改动过。',
      hashMismatchShort: '叶哈希不符',
      loadOlder: '加载更早的记录',
      loadingOlder: '正在加载…',
      end: '已显示全部记录。',
      refresh: '刷新',
    },
  },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape every language file must have. */
export type Messages = Widen<typeof zhCN>;
