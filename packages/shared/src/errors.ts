// Stable error codes, the tRPC code each maps to, and what a person reads.
import { ROLE_NAMES, SITE_KIND_NAMES } from './auth/roles';

// The server answers with `data.code`; the web app and the CLI show the
// message in the reader's language. Codes never change meaning once shipped.

export type TrpcErrorKind =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'METHOD_NOT_SUPPORTED'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'TOO_MANY_REQUESTS'
  | 'UNPROCESSABLE_CONTENT'
  | 'INTERNAL_SERVER_ERROR'
  | 'SERVICE_UNAVAILABLE';

interface ErrorSpec {
  kind: TrpcErrorKind;
  en: string;
  zh: string;
}

// Messages may name parameters as {name}; see formatErrorMessage.
export const ERROR_CATALOG = {
  VALIDATION_FAILED: {
    kind: 'BAD_REQUEST',
    en: 'Some fields are not valid: {fields}. Correct them and try again.',
    zh: '部分字段无效：{fields}。请更正后重试。',
  },
  BAD_REQUEST: {
    kind: 'BAD_REQUEST',
    en: 'The request is not valid: {detail}',
    zh: '请求无效：{detail}',
  },
  PAYLOAD_TOO_LARGE: {
    kind: 'PAYLOAD_TOO_LARGE',
    en: 'The request is larger than {limit} bytes. Send less data at once.',
    zh: '请求超过 {limit} 字节，请分批提交。',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    kind: 'BAD_REQUEST',
    en: 'Send changes as POST with Content-Type: application/json.',
    zh: '修改类请求须以 POST 方式提交，且 Content-Type 为 application/json。',
  },
  URL_TOO_LONG: {
    kind: 'BAD_REQUEST',
    en: 'The request address is too long (over {limit} characters). Send large inputs in a POST body.',
    zh: '请求地址过长（超过 {limit} 个字符）。较大的输入请放在 POST 请求体中发送。',
  },
  HEADERS_TOO_LARGE: {
    kind: 'BAD_REQUEST',
    en: "The request's headers are too large. Clear this site's cookies, or send large inputs in a POST body.",
    zh: '请求头过大。请清除本网站的 Cookie，或将较大的输入放在 POST 请求体中发送。',
  },
  REQUEST_TIMEOUT: {
    kind: 'BAD_REQUEST',
    en: 'The request took too long to arrive. Check the network and try again.',
    zh: '请求传输超时。请检查网络后重试。',
  },
  BATCH_NOT_ALLOWED: {
    kind: 'BAD_REQUEST',
    en: '{path} must be sent on its own, not in a batch with other calls.',
    zh: '{path} 须单独发送，不能与其他调用合并为批量请求。',
  },
  BATCH_TOO_LARGE: {
    kind: 'BAD_REQUEST',
    en: 'A batch holds at most {max} calls; this one has {count}. Send fewer at once.',
    zh: '一个批量请求最多包含 {max} 个调用，本次有 {count} 个。请分开发送。',
  },
  NOT_FOUND: {
    kind: 'NOT_FOUND',
    en: 'No such {what}: {id}.',
    zh: '未找到{what}：{id}。',
  },
  ROUTE_NOT_FOUND: {
    kind: 'NOT_FOUND',
    en: 'There is no API procedure or page at {path}.',
    zh: '{path} 处没有接口或页面。',
  },
  SEQ_OUT_OF_RANGE: {
    kind: 'BAD_REQUEST',
    en: 'Entry {seq} is not in a tree of {size} entries.',
    zh: '第 {seq} 条记录不在大小为 {size} 的树中。',
  },
  PROOF_RANGE_INVALID: {
    kind: 'BAD_REQUEST',
    en: 'A consistency proof goes from a smaller tree to a larger one; from ({from}) is larger than to ({to}).',
    zh: '一致性证明须从较小的树到较大的树；from（{from}）大于 to（{to}）。',
  },
  TREE_SIZE_OUT_OF_RANGE: {
    kind: 'BAD_REQUEST',
    en: 'The ledger has {size} entries; tree size {requested} does not exist yet.',
    zh: '账本目前有 {size} 条记录，尚不存在大小为 {requested} 的树。',
  },
  IDEMPOTENCY_CONFLICT: {
    kind: 'CONFLICT',
    en: 'Idempotency key {key} was already used for a different request. Use a new key for a new request.',
    zh: '幂等键 {key} 已用于另一个不同的请求。新请求请使用新的键。',
  },
  INVALID_ENTRY: {
    kind: 'BAD_REQUEST',
    en: 'The ledger entry is not valid: {detail}',
    zh: '账本记录无效：{detail}',
  },
  UNAUTHENTICATED: {
    kind: 'UNAUTHORIZED',
    en: 'Sign in first (or send a valid API token).',
    zh: '请先登录（或提供有效的 API 令牌）。',
  },
  FORBIDDEN: {
    kind: 'FORBIDDEN',
    en: 'Your role does not allow this: {detail}',
    zh: '您的角色无权执行此操作：{detail}',
  },
  SITE_NOT_ALLOWED: {
    kind: 'FORBIDDEN',
    en: 'You do not act for site {site}.',
    zh: '您无权代表站点 {site} 操作。',
  },
  CSRF_REJECTED: {
    kind: 'FORBIDDEN',
    en: 'This request did not come from the alutrace web app ({detail}). Reload the page and try again.',
    zh: '该请求并非来自 alutrace 网页应用（{detail}）。请刷新页面后重试。',
  },
  LOGIN_FAILED: {
    kind: 'UNAUTHORIZED',
    en: 'Wrong username or password.',
    zh: '用户名或密码错误。',
  },
  LOGIN_THROTTLED: {
    kind: 'TOO_MANY_REQUESTS',
    en: 'Too many failed sign-ins. Wait {seconds} seconds and try again.',
    zh: '登录失败次数过多，请等待 {seconds} 秒后重试。',
  },
  PASSWORD_TOO_SHORT: {
    kind: 'BAD_REQUEST',
    en: 'A password needs at least {min} characters.',
    zh: '密码至少需要 {min} 个字符。',
  },
  PASSWORD_UNCHANGED: {
    kind: 'BAD_REQUEST',
    en: 'The new password is the same as the current one. Choose a different password.',
    zh: '新密码与当前密码相同，请设置一个不同的密码。',
  },
  WRONG_PASSWORD: {
    kind: 'BAD_REQUEST',
    en: 'The current password is wrong.',
    zh: '当前密码不正确。',
  },
  SITE_UNKNOWN: {
    kind: 'BAD_REQUEST',
    en: 'There is no site {site}. An administrator creates sites under Admin → Sites.',
    zh: '不存在站点 {site}。站点由管理员在“管理 → 站点”中创建。',
  },
  SITE_INACTIVE: {
    kind: 'BAD_REQUEST',
    en: 'Site {site} is deactivated.',
    zh: '站点 {site} 已停用。',
  },
  SITE_KIND_MISMATCH: {
    kind: 'BAD_REQUEST',
    en: 'A {role} acts for sites of these kinds: {kinds}; {site} is a {kind} site.',
    zh: '{role}只能代表以下类型的站点：{kinds}；{site} 的类型是{kind}。',
  },
  SITES_REQUIRED: {
    kind: 'BAD_REQUEST',
    en: 'A {role} needs at least one site to act for.',
    zh: '{role}至少需要一个所属站点。',
  },
  SITES_NOT_ALLOWED: {
    kind: 'BAD_REQUEST',
    en: 'A {role} reads every site and is not assigned to any.',
    zh: '{role}可查看所有站点，不需分配站点。',
  },
  LAST_ADMIN: {
    kind: 'BAD_REQUEST',
    en: 'This would leave no active administrator. Make another user an administrator first.',
    zh: '此操作将导致没有可用的管理员。请先将其他用户设为管理员。',
  },
  USERS_ONLY: {
    kind: 'FORBIDDEN',
    en: 'API tokens have no password or sessions; sign in as a user for this.',
    zh: 'API 令牌没有密码或会话；请以用户身份登录后操作。',
  },
  NO_ACCESS_RULE: {
    kind: 'INTERNAL_SERVER_ERROR',
    en: 'The procedure {path} declares no access rule and is refused.',
    zh: '接口 {path} 未声明访问规则，已拒绝。',
  },
  // ── The scrap lifecycle: DOMAIN.md rules 1–7 ──
  MASS_NOT_POSITIVE: {
    kind: 'BAD_REQUEST',
    en: '{field} must be a whole number of grams above 0 (it is {value}). Weigh again or correct the entry.',
    zh: '{field} 必须是大于 0 的整数克（当前为 {value}）。请重新称重或更正输入。',
  },
  MASS_NEGATIVE: {
    kind: 'BAD_REQUEST',
    en: '{field} must be a whole number of grams, 0 or more (it is {value}).',
    zh: '{field} 必须是不小于 0 的整数克（当前为 {value}）。',
  },
  LOT_TOO_HEAVY: {
    kind: 'BAD_REQUEST',
    en: '{field} is {value} g, over 100 t for a single lot: that is an input error. Check the unit (g, not kg) or split the load.',
    zh: '{field} 为 {value} 克，单个批次超过 100 吨，应为输入错误。请检查单位（克而非千克）或分批过磅。',
  },
  NET_MASS_MISMATCH: {
    kind: 'BAD_REQUEST',
    en: 'The net mass {net} g is not gross − tare − deduction = {expected} g. Check the three weights.',
    zh: '净重 {net} 克不等于毛重 − 皮重 − 扣杂 = {expected} 克。请核对三项重量。',
  },
  GRADE_UNKNOWN: {
    kind: 'BAD_REQUEST',
    en: 'There is no grade {grade}. Pick one from the catalogue (an administrator adds grades under Admin → Grades).',
    zh: '不存在废料品级 {grade}。请从品级目录中选择（管理员可在“管理 → 品级”中添加）。',
  },
  GRADE_INACTIVE: {
    kind: 'BAD_REQUEST',
    en: 'Grade {grade} is deactivated and takes no new material. Pick another grade.',
    zh: '废料品级 {grade} 已停用，不能再录入。请选择其他品级。',
  },
  ALLOY_UNKNOWN: {
    kind: 'BAD_REQUEST',
    en: 'There is no alloy {alloy}. Pick one from the catalogue.',
    zh: '不存在合金牌号 {alloy}。请从目录中选择。',
  },
  ALLOY_INACTIVE: {
    kind: 'BAD_REQUEST',
    en: 'Alloy {alloy} is deactivated. Pick another alloy.',
    zh: '合金牌号 {alloy} 已停用。请选择其他牌号。',
  },
  SITE_KIND_WRONG: {
    kind: 'BAD_REQUEST',
    en: 'Site {site} is a {kind}; this needs a {kinds}.',
    zh: '站点 {site} 属于{kind}，此操作需要{kinds}。',
  },
  OCCURRED_IN_FUTURE: {
    kind: 'BAD_REQUEST',
    en: 'occurredAt {at} is in the future (the server time is {now}). Check the device clock.',
    zh: '发生时间 {at} 晚于当前时间（服务器时间 {now}）。请检查设备时钟。',
  },
  SAME_SITE: {
    kind: 'BAD_REQUEST',
    en: 'A dispatch goes to another site, not back to {site}.',
    zh: '发运的目的地须为其他站点，不能是 {site} 本身。',
  },
  SAMPLE_CHECKPOINT_UNKNOWN: {
    kind: 'NOT_FOUND',
    en: 'No checkpoint was signed at tree size {size}. Choose one of the signed checkpoints listed.',
    zh: '没有树大小为 {size} 的签名检查点。请从列出的签名检查点中选择。',
  },
  LOT_UNKNOWN: {
    kind: 'NOT_FOUND',
    en: 'There is no lot {lot}. Check the id on the label (e.g. PG01-261128-0007).',
    zh: '不存在批次 {lot}。请核对标签上的批次号（如 PG01-261128-0007）。',
  },
  LOT_LISTED_TWICE: {
    kind: 'BAD_REQUEST',
    en: 'Lot {lot} is listed twice. List each lot once.',
    zh: '批次 {lot} 重复列出，每个批次只能列一次。',
  },
  LOT_NOT_HELD: {
    kind: 'CONFLICT',
    en: 'Lot {lot} is not held by {site} (it is {state} at {holder}). Only the site that holds a lot can use, send or ship it.',
    zh: '批次 {lot} 不在 {site}（当前状态：{state}，所在站点：{holder}）。只有持有批次的站点才能使用、发运或出售它。',
  },
  LOT_BALANCE_EXCEEDED: {
    kind: 'CONFLICT',
    en: 'Lot {lot} has {balance} g left; {requested} g is more than that.',
    zh: '批次 {lot} 余量为 {balance} 克，{requested} 克超出余量。',
  },
  DISPATCH_NOT_WHOLE: {
    kind: 'BAD_REQUEST',
    en: 'A dispatch moves whole lots: lot {lot} has {balance} g, not {requested} g. To send part of a lot, split it with a sorting run first.',
    zh: '发运须整批发出：批次 {lot} 余量为 {balance} 克，而非 {requested} 克。如需拆分，请先记录一次分选作业。',
  },
  LOT_ALREADY_SHIPPED: {
    kind: 'CONFLICT',
    en: 'Lot {lot} was already shipped (entry {seq}). A lot is shipped once.',
    zh: '批次 {lot} 已出售发货（账本记录 {seq}），不能重复发货。',
  },
  LOT_NOT_SHIPPABLE: {
    kind: 'BAD_REQUEST',
    en: 'Lot {lot} is {kind}: only recycled metal (ingot, billet, slab, sow, liquid metal) is shipped to a buyer. Scrap goes to a recycler with a dispatch; by-products go to a utilisation route.',
    zh: '批次 {lot} 为{kind}：只有再生铝产品（铝锭、铝棒、板锭、大铝锭、铝液）可出售给采购方。废料请发运至再生铝企业，副产物请记录利用处置去向。',
  },
  CORRECTION_SITE_MISMATCH: {
    kind: 'BAD_REQUEST',
    en: 'Entry {seq} was recorded for site {actual}, not {site}: record its correction for {actual}.',
    zh: '账本记录 {seq} 属于站点 {actual}，而非 {site}：请以站点 {actual} 录入更正。',
  },
  SHIPMENT_NOT_WHOLE: {
    kind: 'BAD_REQUEST',
    en: 'A shipment ships the whole lot: lot {lot} has {balance} g, not {requested} g.',
    zh: '出售须整批发货：批次 {lot} 余量为 {balance} 克，而非 {requested} 克。',
  },
  LOT_NOT_BYPRODUCT: {
    kind: 'BAD_REQUEST',
    en: 'Lot {lot} is not a by-product (dross, slag or dust): only by-products go to a utilisation route.',
    zh: '批次 {lot} 不是副产物（铝渣、盐渣或除尘灰），只有副产物才能记录利用处置去向。',
  },
  DISPATCH_UNKNOWN: {
    kind: 'NOT_FOUND',
    en: 'There is no open dispatch {dispatch}. Check the waybill, or scan the lots instead.',
    zh: '不存在在途发运单 {dispatch}。请核对运单，或扫描批次标签。',
  },
  DISPATCH_NOT_FOR_SITE: {
    kind: 'FORBIDDEN',
    en: 'Dispatch {dispatch} goes to {to}, not to {site}.',
    zh: '发运单 {dispatch} 的目的地是 {to}，而非 {site}。',
  },
  LOT_NOT_DISPATCHED: {
    kind: 'CONFLICT',
    en: 'Lot {lot} is not in dispatch {dispatch}, so it cannot be received with it.',
    zh: '批次 {lot} 不在发运单 {dispatch} 中，不能随该单收货。',
  },
  LOT_ALREADY_RECEIVED: {
    kind: 'CONFLICT',
    en: 'Lot {lot} of dispatch {dispatch} was already received (entry {seq}).',
    zh: '发运单 {dispatch} 中的批次 {lot} 已收货（账本记录 {seq}）。',
  },
  RUN_EMPTY: {
    kind: 'BAD_REQUEST',
    en: 'A run needs at least one output or by-product lot.',
    zh: '一次作业至少要有一个产出批次或副产物批次。',
  },
  RUN_MASS_EXCEEDED: {
    kind: 'BAD_REQUEST',
    en: 'Outputs and by-products ({out} g) exceed inputs consumed plus additions ({in} g). Check the weights: a run cannot make mass.',
    zh: '产出与副产物合计 {out} 克，超过投入消耗量与添加料之和 {in} 克。请核对重量：作业不能凭空产生质量。',
  },
  OUTPUT_KIND_MISSING: {
    kind: 'BAD_REQUEST',
    en: 'Output {index}: {detail}',
    zh: '产出 {index}：{detail}',
  },
  CORRECTION_TARGET_INVALID: {
    kind: 'BAD_REQUEST',
    en: 'Entry {seq} ({kind}) cannot be corrected: only collections, dispatches, receipts, runs, by-product routes and shipments can.',
    zh: '账本记录 {seq}（{kind}）不能更正：只能更正回收、发运、收货、作业、副产物去向和出售记录。',
  },
  CORRECTION_TARGET_MISMATCH: {
    kind: 'BAD_REQUEST',
    en: 'Entry {seq} has leaf hash {actual}, not {given}: the correction must name the exact entry.',
    zh: '账本记录 {seq} 的叶哈希为 {actual}，而非 {given}：更正必须准确指向该记录。',
  },
  ALREADY_CORRECTED: {
    kind: 'CONFLICT',
    en: 'Entry {seq} was already corrected by entry {by}.',
    zh: '账本记录 {seq} 已被记录 {by} 更正。',
  },
  CORRECTION_NOT_AUTHOR: {
    kind: 'FORBIDDEN',
    en: 'Entry {seq} was recorded by someone else; its author or an administrator corrects it.',
    zh: '账本记录 {seq} 由他人录入，只能由录入人或管理员更正。',
  },
  CORRECTION_CONFLICT: {
    kind: 'CONFLICT',
    en: 'Undoing entry {seq} would break later events on its lots: correct entries {later} first (latest first).',
    zh: '撤销账本记录 {seq} 会破坏其批次的后续记录：请先更正记录 {later}（从最新的开始）。',
  },
  REPLACEMENT_KIND_MISMATCH: {
    kind: 'BAD_REQUEST',
    en: 'The corrected event must be of the same kind as entry {seq} ({kind}).',
    zh: '更正后的记录必须与账本记录 {seq} 类型相同（{kind}）。',
  },
  SEALED_ERASED: {
    kind: 'NOT_FOUND',
    en: 'The sealed details of entry {seq} were erased on {at} ({reason}); the public record remains.',
    zh: '账本记录 {seq} 的保密信息已于 {at} 删除（{reason}），公开记录仍保留。',
  },
  SEALED_COMMITMENT_MISMATCH: {
    kind: 'INTERNAL_SERVER_ERROR',
    en: 'The sealed details of entry {seq} do not match the commitment in the ledger (they were altered or damaged), so they are not shown. Ask the administrator to run `pnpm alutrace verify --sealed` and restore the sealed records from a backup.',
    zh: '账本记录 {seq} 的保密信息与账本中的承诺值不符（已被篡改或损坏），因此不予显示。请联系管理员运行 `pnpm alutrace verify --sealed`，并从备份恢复保密信息。',
  },
  TARGET_CODE_TAKEN: {
    kind: 'CONFLICT',
    en: 'Target {code} already exists (ledger entry {seq}). To change it, redefine it as superseding entry {seq}.',
    zh: '目标 {code} 已存在（账本记录 {seq}）。如需修改，请以替代记录 {seq} 的方式重新定义。',
  },
  TARGET_UNKNOWN: {
    kind: 'NOT_FOUND',
    en: 'There is no target {code}. Pick one from the list of targets.',
    zh: '没有目标 {code}，请从目标列表中选择。',
  },
  TARGET_STALE: {
    kind: 'CONFLICT',
    en: 'Target {code} is now defined by ledger entry {current}, not {given}: it was changed after you opened it. Open it again and redefine it from there. Nothing was recorded.',
    zh: '目标 {code} 当前由账本记录 {current} 定义，而非 {given}：您打开后已被他人修改。请重新打开后再修改，本次未记录。',
  },
  TARGET_DISTRICT_UNKNOWN: {
    kind: 'BAD_REQUEST',
    en: 'No site is in district {district}. Use a district as the sites name it (e.g. 平果市).',
    zh: '没有站点位于 {district}。请使用站点资料中的区县名称（如 平果市）。',
  },
  INCENTIVE_SCHEME_UNKNOWN: {
    kind: 'NOT_FOUND',
    en: 'There is no incentive scheme {scheme}. Pick one from the list of schemes.',
    zh: '没有补贴方案 {scheme}，请从方案列表中选择。',
  },
  INCENTIVE_SCHEME_FROZEN: {
    kind: 'CONFLICT',
    en: 'Scheme {scheme} can no longer change: statement {statement} was issued under it. Define a new scheme with another code.',
    zh: '补贴方案 {scheme} 已不能修改：已按其出具结算单 {statement}。请以新的代码定义新方案。',
  },
  INCENTIVE_SITE_NOT_ELIGIBLE: {
    kind: 'BAD_REQUEST',
    en: 'Site {site} is a {kind}; scheme {scheme} pays only: {kinds}.',
    zh: '站点 {site} 为{kind}，补贴方案 {scheme} 仅适用于：{kinds}。',
  },
  INCENTIVE_PERIOD_OUTSIDE: {
    kind: 'BAD_REQUEST',
    en: 'The period {from} to {to} must lie inside the period of scheme {scheme} ({schemeFrom} to {schemeTo}).',
    zh: '所选期间 {from} 至 {to} 须在补贴方案 {scheme} 的期间（{schemeFrom} 至 {schemeTo}）之内。',
  },
  INCENTIVE_STATEMENT_EMPTY: {
    kind: 'BAD_REQUEST',
    en: 'Nothing to pay: site {site} has no eligible tonnage under scheme {scheme} from {from} to {to}. Nothing was issued.',
    zh: '无可支付内容：站点 {site} 在 {from} 至 {to} 期间没有符合补贴方案 {scheme} 的吨位，未出具结算单。',
  },
  INCENTIVE_CAP_EXHAUSTED: {
    kind: 'CONFLICT',
    en: 'Site {site} has already been paid the whole cap of scheme {scheme} ({cap} fen). Nothing was issued.',
    zh: '站点 {site} 已领满补贴方案 {scheme} 的上限（{cap} 分），未出具结算单。',
  },
  INCENTIVE_STATEMENT_CHANGED: {
    kind: 'CONFLICT',
    en: 'The statement changed since the draft you checked (payable {expected} fen, {expectedLines} lines; now {actual} fen, {actualLines} lines). Open the draft again, check it, and issue that. Nothing was issued.',
    zh: '结算单在您核对草稿后已有变化（原应付 {expected} 分、{expectedLines} 行；现为 {actual} 分、{actualLines} 行）。请重新打开草稿核对后再出具，本次未出具。',
  },
  INCENTIVE_ALREADY_PAID: {
    kind: 'CONFLICT',
    en: 'Lot {lot} (ledger entry {seq}) is already paid by statement {statement}: the same tonnage is never paid twice. Nothing was issued.',
    zh: '批次 {lot}（账本记录 {seq}）已在结算单 {statement} 中支付，同一吨位不能重复支付，本次未出具。',
  },
  INCENTIVE_STATEMENT_UNKNOWN: {
    kind: 'NOT_FOUND',
    en: 'There is no issued statement {statement}.',
    zh: '没有已出具的结算单 {statement}。',
  },
  CONFLICT: {
    kind: 'CONFLICT',
    en: 'That {what} already exists: {id}.',
    zh: '{what} {id} 已存在。',
  },
  PASSWORD_CHANGE_REQUIRED: {
    kind: 'FORBIDDEN',
    en: 'Change your password first (My account → Password).',
    zh: '请先修改密码（我的账户 → 修改密码）。',
  },
  SCAN_REPORTS_THROTTLED: {
    kind: 'TOO_MANY_REQUESTS',
    en: 'Too many wrong-digest reports from you in the last {minutes} minutes. Set the doubtful labels aside and tell your supervisor.',
    zh: '您在 {minutes} 分钟内报告的校验码不符过多。请把可疑标签放在一边并告知主管。',
  },
  VERIFY_FAILED: {
    kind: 'INTERNAL_SERVER_ERROR',
    en: 'Verification could not run: {detail}',
    zh: '无法运行校验：{detail}',
  },
  WITNESS_KEY_INVALID: {
    kind: 'BAD_REQUEST',
    en: 'The witness key is not valid: {detail}. Give the vkey your witness printed (name+keyid+base64 key, type 0x04).',
    zh: '见证密钥无效：{detail}。请填写见证程序输出的公钥（名称+密钥编号+base64 公钥，类型 0x04）。',
  },
  WITNESS_KEY_TAKEN: {
    kind: 'CONFLICT',
    en: 'The witness key {name} ({keyId}) is already registered to someone else. Make a new key of your own.',
    zh: '见证密钥 {name}（{keyId}）已由他人登记。请生成您自己的新密钥。',
  },
  WITNESS_NOT_REGISTERED: {
    kind: 'BAD_REQUEST',
    en: 'No witness key {name} ({keyId}) is registered to you. Register it first (`alutrace witness cosign` does so). Nothing was stored.',
    zh: '您没有登记见证密钥 {name}（{keyId}）。请先登记（`alutrace witness cosign` 会自动登记），本次未保存任何内容。',
  },
  COSIGNATURE_INVALID: {
    kind: 'BAD_REQUEST',
    en: 'The cosignature does not verify over this checkpoint ({detail}). Nothing was stored.',
    zh: '该副署签名与此检查点不符（{detail}），本次未保存任何内容。',
  },
  COSIGNATURE_IN_FUTURE: {
    kind: 'BAD_REQUEST',
    en: "The cosignature's time ({timestamp}) is ahead of this server's clock by more than 10 minutes. Check the witness computer's clock. Nothing was stored.",
    zh: '副署签名的时间（{timestamp}）比服务器时钟超前 10 分钟以上。请检查见证端电脑的时钟，本次未保存任何内容。',
  },
  CHECKPOINT_NOT_SIGNED: {
    kind: 'BAD_REQUEST',
    en: 'This server never signed that checkpoint (tree size {size}): {detail}. Cosign a checkpoint exactly as the server serves it. Nothing was stored.',
    zh: '本服务器从未签署该检查点（树大小 {size}）：{detail}。请对服务器提供的检查点原样副署，本次未保存任何内容。',
  },
  CHECKPOINT_UNKNOWN: {
    kind: 'NOT_FOUND',
    en: 'There is no signed checkpoint of tree size {size}. The head checkpoint is of size {head}.',
    zh: '没有树大小为 {size} 的签名检查点。最新检查点的树大小为 {head}。',
  },
  INTERNAL_ERROR: {
    kind: 'INTERNAL_SERVER_ERROR',
    en: 'Something went wrong on the server. The error was logged as {ref}; nothing was recorded.',
    zh: '服务器出错（日志编号 {ref}），本次请求未写入任何数据。',
  },
  REPORT_CHECKPOINT_UNKNOWN: {
    kind: 'NOT_FOUND',
    en: 'No signed checkpoint covers exactly {treeSize} entries (the ledger has {size}). Give the tree size of a signed checkpoint, e.g. from `pnpm alutrace checkpoint`.',
    zh: '没有恰好覆盖 {treeSize} 条记录的已签名检查点（账本现有 {size} 条）。请给出某个已签名检查点的树大小，例如 `pnpm alutrace checkpoint` 显示的值。',
  },
  REPORT_RANGE_TOO_LONG: {
    kind: 'BAD_REQUEST',
    en: 'From {from} to {to} is {days} days, too many for {period} periods (at most {max} days). Choose a shorter range or longer periods.',
    zh: '{from} 至 {to} 共 {days} 天，按{period}统计过长（最多 {max} 天）。请缩短日期范围或选择更长的统计周期。',
  },
  EMISSION_FACTORS_UNKNOWN: {
    kind: 'BAD_REQUEST',
    en: 'There is no emission-factor version {version} at this checkpoint (versions 1 to {latest}). Pick one of those.',
    zh: '该检查点没有第 {version} 版排放因子（现有第 1 至 {latest} 版），请从中选择。',
  },
  EMISSION_FACTORS_MISSING: {
    kind: 'CONFLICT',
    en: 'No emission factors are defined in the ledger yet. An administrator defines them (the defaults are recorded on first start).',
    zh: '账本中尚未定义排放因子。请管理员定义（首次启动时会记录默认值）。',
  },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERROR_CATALOG;
export type ErrorParams = Record<string, string | number>;
export type Language = 'en' | 'zh';

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERROR_CATALOG, code);
}

/** Things error messages name, in both languages (the `what` parameter). */
const THINGS: Record<string, { en: string; zh: string }> = {
  user: { en: 'user', zh: '用户' },
  site: { en: 'site', zh: '站点' },
  'API token': { en: 'API token', zh: 'API 令牌' },
  session: { en: 'session', zh: '会话' },
  'ledger entry': { en: 'ledger entry', zh: '账本记录' },
  'ledger database': { en: 'ledger database', zh: '账本数据库' },
  grade: { en: 'grade', zh: '废料品级' },
  alloy: { en: 'alloy', zh: '合金牌号' },
  lot: { en: 'lot', zh: '批次' },
  scrap: { en: 'scrap', zh: '废料' },
  byproduct: { en: 'a by-product', zh: '副产物' },
  'sealed record': { en: 'sealed record', zh: '保密信息' },
};

/** Parameter values that are codes (roles, site kinds, things) read as words in the message's language. */
function localise(name: string, value: string | number, lang: Language): string {
  const v = String(value);
  const names: Record<string, { en: string; zh: string }> | undefined =
    name === 'what'
      ? THINGS
      : name === 'role'
        ? ROLE_NAMES
        : name === 'kind' || name === 'kinds'
          ? SITE_KIND_NAMES
          : undefined;
  if (!names) return v;
  const sep = lang === 'zh' ? '、' : ', ';
  return v
    .split(', ')
    .map((part) => names[part]?.[lang] ?? part)
    .join(sep);
}

export function formatErrorMessage(code: ErrorCode, params: ErrorParams = {}, lang: Language = 'en'): string {
  const template: string = ERROR_CATALOG[code][lang];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? localise(name, params[name] as string | number, lang) : whole,
  );
}

/** The error payload the server puts in tRPC's `error.data.app`. */
export interface AppErrorData {
  code: ErrorCode;
  params: ErrorParams;
  /** The message in Chinese; `error.message` carries the English one. */
  messageZh: string;
  /** Field paths and what is wrong with each, for validation errors (English). */
  fields?: Record<string, string[]>;
  /** The same in Chinese. */
  fieldsZh?: Record<string, string[]>;
}
