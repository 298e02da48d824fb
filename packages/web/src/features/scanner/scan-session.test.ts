import { describe, expect, it } from 'vitest';
import { isRepeat, type ScannedLabel, type ScanReport, type ScanVerdict } from './scan-session';

const LOT = 'PG01-261128-0007';

function label(source: ScannedLabel['source'], digest: string | null, lotId = LOT): ScannedLabel {
  return { lotId, digest, text: digest ? `${lotId} ${digest}` : lotId, source };
}

function reported(l: ScannedLabel, verdict: ScanVerdict | null): ScanReport {
  return { id: 1, label: l, verdict };
}

const accepted: ScanVerdict = { outcome: 'accepted' };
const warned: ScanVerdict = { outcome: 'warning', reason: 'digest' };
const refused: ScanVerdict = { outcome: 'refused', reason: 'unknown' };

describe('isRepeat', () => {
  it('reports a label the first time the camera sees it', () => {
    expect(isRepeat([], label('camera', 'joyijfnleh'))).toBe(false);
  });

  it('ignores the same label in later frames, whatever the screen answered, and while it is still deciding', () => {
    for (const verdict of [null, accepted, warned, refused]) {
      expect(isRepeat([reported(label('camera', 'joyijfnleh'), verdict)], label('camera', 'joyijfnleh'))).toBe(true);
    }
  });

  it('reports another label of a lot already taken: a copy with another digest must be warned about', () => {
    expect(isRepeat([reported(label('camera', 'joyijfnleh'), accepted)], label('camera', 'aaaaaaaaaa'))).toBe(false);
  });

  it('reports another lot', () => {
    expect(
      isRepeat([reported(label('camera', 'joyijfnleh'), accepted)], label('camera', 'joyijfnleh', 'PG01-261128-0008')),
    ).toBe(false);
  });

  it('ignores a lot typed after its label was taken, but reports its label scanned after it was typed (the digest is then checked)', () => {
    expect(isRepeat([reported(label('camera', 'joyijfnleh'), accepted)], label('manual', null))).toBe(true);
    expect(isRepeat([reported(label('manual', null), accepted)], label('camera', 'joyijfnleh'))).toBe(false);
  });

  it('lets a person type again a lot that was refused (the network was down, say)', () => {
    expect(isRepeat([reported(label('camera', 'joyijfnleh'), refused)], label('manual', 'joyijfnleh'))).toBe(false);
    expect(isRepeat([reported(label('manual', null), refused)], label('manual', null))).toBe(false);
  });
});
