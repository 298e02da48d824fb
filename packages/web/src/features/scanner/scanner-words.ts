// The scanner's words, in both languages, beside the screens that use them
// (as the lifecycle screens keep theirs). A camera refusal is explained in
// the reader's language with what to do, and the manual field is always there.
import { apiLanguage } from '../../i18n/languages';
import { useAppLanguage } from '../../i18n/use-app-language';

export const scannerZh = {
  camera: '相机画面：把批次标签上的二维码放进框内',
  starting: '正在打开相机…',
  scanning: '对准标签上的二维码，识别后会响一声。',
  scanningOnce: '对准标签上的二维码。',
  done: '已识别。',
  scanAgain: '再扫一个',
  denied:
    '无法使用相机：浏览器没有得到相机权限。请在浏览器的网站设置里允许本网站使用相机后刷新页面，或在下面手动输入批次号。',
  noCamera: '没有找到可用的相机。请在下面手动输入标签上的批次号。',
  busy: '相机正被其他应用占用，或无法启动。请关闭其他使用相机的应用后重试，或在下面手动输入批次号。',
  unsupported: '此浏览器不能在这里使用相机（需要 HTTPS 或较新的浏览器）。请在下面手动输入批次号。',
  decoderFailed: '二维码识别组件加载失败（网络可能中断）。请重试，或在下面手动输入批次号。',
  retry: '重试',
  torchOn: '打开手电筒',
  torchOff: '关闭手电筒',
  manual: '手动输入（标签损坏时）',
  manualLabel: '批次号、批次号加校验码，或标签网址',
  manualHint:
    '例如标签上印的批次号 PG01-261128-0007；或粘贴标签网址；或批次号加校验码（网址中 d= 后的 10 个字符），如 PG01-261128-0007 joyijfnleh。',
  manualSubmit: '添加',
  notALabel: '这不是批次号或本系统的标签。请核对标签上的批次号，例如 PG01-261128-0007。',
  qrNotALabel: '扫到的二维码不是本系统的批次标签。',
  alreadyScanned: (lot: string) => `批次 ${lot} 已经扫过了。`,
  checking: (lot: string) => `正在核对批次 ${lot}…`,
  accepted: '已接受',
  refused: '已拒绝',
  warning: '警告',
  notTaken: '未装车的标签',
};

export type ScannerWords = typeof scannerZh;

export const scannerEn: ScannerWords = {
  camera: 'Camera view: bring the QR code of the lot label into the frame',
  starting: 'Opening the camera…',
  scanning: 'Point at the QR code on the label; a beep confirms each one read.',
  scanningOnce: 'Point at the QR code on the label.',
  done: 'Read.',
  scanAgain: 'Scan another',
  denied:
    'The camera cannot be used: the browser was not given permission. Allow this site to use the camera in the browser’s site settings and reload, or type the lot id below.',
  noCamera: 'No camera was found. Type the lot id from the label below.',
  busy: 'The camera is in use by another app or could not start. Close other apps using it and try again, or type the lot id below.',
  unsupported: 'This browser cannot use the camera here (it needs HTTPS or a newer browser). Type the lot id below.',
  decoderFailed: 'The QR reader could not be loaded (the network may be down). Try again, or type the lot id below.',
  retry: 'Try again',
  torchOn: 'Torch on',
  torchOff: 'Torch off',
  manual: 'Type it in (for a damaged label)',
  manualLabel: 'Lot id, lot id and digest, or label URL',
  manualHint:
    'For example the lot id printed on the label, PG01-261128-0007; or paste the label URL; or the lot id and its digest (the 10 characters after d= in the URL), as PG01-261128-0007 joyijfnleh.',
  manualSubmit: 'Add',
  notALabel: 'This is not a lot id or one of our labels. Check the lot id on the label, e.g. PG01-261128-0007.',
  qrNotALabel: 'The QR code read is not one of our lot labels.',
  alreadyScanned: (lot: string) => `Lot ${lot} has already been scanned.`,
  checking: (lot: string) => `Checking lot ${lot}…`,
  accepted: 'Accepted',
  refused: 'Refused',
  warning: 'Warning',
  notTaken: 'Labels not loaded',
};

export function useScannerWords(): ScannerWords {
  return apiLanguage(useAppLanguage()) === 'zh' ? scannerZh : scannerEn;
}
