// The QR decoder, fetched only by the screens that scan: the barcode-detector
// ponyfill (ZXing-C++ compiled to WebAssembly; native BarcodeDetector is
// absent from desktop Chromium on Linux and from iOS) and its .wasm. Vite
// emits the .wasm fingerprinted under /assets, so our own server serves it:
// left to itself the module fetches it from a CDN, which a collection point
// may not reach and our Content-Security-Policy (connect-src 'self') refuses.

/** Reads the QR codes in a frame and returns their text. */
export interface QrReader {
  read(frame: HTMLVideoElement): Promise<string[]>;
}

let loading: Promise<QrReader> | null = null;

/** Loads the ponyfill and its WebAssembly once per page; a failed load is tried again on the next call. */
export function loadQrReader(): Promise<QrReader> {
  loading ??= load();
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

async function load(): Promise<QrReader> {
  const [{ BarcodeDetector, prepareZXingModule }, { default: wasmUrl }] = await Promise.all([
    import('barcode-detector/pure'),
    import('zxing-wasm/reader/zxing_reader.wasm?url'),
  ]);
  // Instantiated now rather than at the first frame, so that a .wasm that cannot be fetched is reported at once.
  await prepareZXingModule({
    overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path) },
    fireImmediately: true,
  });
  const detector = new BarcodeDetector({ formats: ['qr_code'] });
  return {
    async read(frame) {
      const codes = await detector.detect(frame);
      return codes.map((code) => code.rawValue);
    },
  };
}
