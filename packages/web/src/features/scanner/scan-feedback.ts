// What the hand holding the phone feels and the ear hears on each scan, so
// that nobody has to look at the screen between two labels: one short high
// beep for a lot taken, two low ones for a label refused or doubtful.

type Outcome = 'accepted' | 'refused' | 'warning';

let audio: AudioContext | null = null;

export function signalScan(outcome: Outcome): void {
  const ok = outcome === 'accepted';
  navigator.vibrate?.(ok ? 80 : [80, 60, 80]);
  if (ok) beep(1760, 0, 0.09);
  else {
    beep(440, 0, 0.12);
    beep(440, 0.18, 0.12);
  }
}

function beep(frequency: number, delay: number, length: number): void {
  try {
    audio ??= new AudioContext();
    // Browsers start an AudioContext suspended until the page has had a tap; a silent beep is fine then.
    void audio.resume().catch(() => undefined);
    const start = audio.currentTime + delay;
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.2, start);
    gain.gain.exponentialRampToValueAtTime(0.001, start + length);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(start);
    oscillator.stop(start + length);
  } catch {
    // No WebAudio (or blocked): the vibration and the screen still say it.
  }
}
