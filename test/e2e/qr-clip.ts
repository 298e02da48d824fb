// A video clip of a QR label for Chromium's fake camera
// (--use-file-for-fake-video-capture): the code drawn black on white frames,
// written as YUV4MPEG2 (Y4M), 4:2:0, without ffmpeg. The code drifts a few
// pixels from frame to frame, as in a hand; Chromium plays the clip in a loop.
import { writeFileSync } from 'node:fs';
import QRCode from 'qrcode';

const WIDTH = 640;
const HEIGHT = 480;
const FRAMES = 6;
const MODULE_PX = 7;
const QUIET_ZONE = 4;

/** Writes a clip showing a QR code of `text` to `file`. */
export function writeQrClip(file: string, text: string): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const side = (modules.size + 2 * QUIET_ZONE) * MODULE_PX;
  if (side > HEIGHT) throw new Error(`QR code of ${modules.size} modules does not fit a ${HEIGHT}-pixel frame`);
  const lumaSize = WIDTH * HEIGHT;
  const chromaSize = (WIDTH / 2) * (HEIGHT / 2);
  const frameHeader = Buffer.from('FRAME\n');
  const parts: Buffer[] = [Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`)];
  for (let f = 0; f < FRAMES; f++) {
    const luma = Buffer.alloc(lumaSize, 235);
    const left = Math.floor((WIDTH - side) / 2) + (f % 3) * 3;
    const top = Math.floor((HEIGHT - side) / 2) + (f % 2) * 2;
    for (let row = 0; row < modules.size; row++) {
      for (let col = 0; col < modules.size; col++) {
        if (!modules.get(row, col)) continue;
        const x0 = left + (col + QUIET_ZONE) * MODULE_PX;
        const y0 = top + (row + QUIET_ZONE) * MODULE_PX;
        for (let y = y0; y < y0 + MODULE_PX; y++) luma.fill(20, y * WIDTH + x0, y * WIDTH + x0 + MODULE_PX);
      }
    }
    // Neutral chroma: grey levels only.
    parts.push(frameHeader, luma, Buffer.alloc(2 * chromaSize, 128));
  }
  writeFileSync(file, Buffer.concat(parts));
}
