import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress, formatDuration, type ProgressOptions, progressCallback } from './progress';

/** A terminal that records what was written, and a clock the test moves by hand. */
function terminal(options: Partial<ProgressOptions> = {}, isTTY = true) {
  const writes: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      writes.push(String(chunk));
      callback();
    },
  });
  let t = 0;
  const progress = createProgress({ label: 'verify', total: 1000, stream, isTTY, now: () => t, ...options });
  return {
    progress,
    writes,
    at(ms: number) {
      t = ms;
    },
    /** What the terminal shows: the text after the last clear-line. */
    get screen(): string {
      return (writes.at(-1) ?? '').replace('\r\x1b[2K', '');
    },
  };
}

describe('progress on a terminal', () => {
  it('shows the count, the percentage, the rate and the time left', () => {
    const term = terminal();
    term.at(2000);
    term.progress.set(250);
    // 250 in 2 s is 125 per second; 750 left take 6 s.
    expect(term.screen).toBe('verify  250 / 1,000 entries  25 %  125 entries/s  about 6.0 s left');
    expect(term.writes.at(-1)?.startsWith('\r\x1b[2K')).toBe(true);
  });

  it('says it is estimating until a second has passed', () => {
    const term = terminal();
    term.at(500);
    term.progress.set(400);
    expect(term.screen).toBe('verify  400 / 1,000 entries  40 %  estimating…');
  });

  it('gives minutes and seconds for a long run', () => {
    const term = terminal({ total: 100_000, unit: 'rows' });
    term.at(10_000);
    term.progress.set(1000);
    // 100 per second; 99,000 left take 990 s.
    expect(term.screen).toBe('verify  1,000 / 100,000 rows  1 %  100 rows/s  about 16 min 30 s left');
  });

  it('redraws at most once per interval', () => {
    const term = terminal();
    for (let ms = 0; ms <= 250; ms += 10) {
      term.at(ms);
      term.progress.tick();
    }
    // The first line waits one interval (quick runs show only the final line), then one per 100 ms.
    expect(term.writes).toHaveLength(2);
    expect(term.screen).toContain('21 / 1,000');
  });

  it('honours another interval', () => {
    const term = terminal({ minIntervalMs: 0 });
    term.progress.tick();
    term.progress.tick(4);
    expect(term.writes).toHaveLength(2);
    expect(term.screen).toContain('5 / 1,000');
  });

  it('takes a total learnt later', () => {
    const term = terminal({ total: 0, minIntervalMs: 0 });
    term.progress.set(3);
    expect(term.screen).toBe('verify  3 entries  estimating…');
    term.progress.setTotal(12);
    term.progress.tick(0);
    expect(term.screen).toBe('verify  3 / 12 entries  25 %  estimating…');
  });

  it("feeds a library function's onProgress(done, total)", () => {
    const term = terminal({ total: 0, minIntervalMs: 0 });
    const onProgress = progressCallback(term.progress);
    onProgress(0, 8192);
    onProgress(4096, 8192);
    expect(term.writes).toHaveLength(2);
    expect(term.screen).toBe('verify  4,096 / 8,192 entries  50 %  estimating…');
  });

  it('ends with the elapsed time and a newline, once', () => {
    const term = terminal();
    term.at(3_500);
    term.progress.set(1000);
    term.progress.done();
    expect(term.writes.at(-1)).toBe('\r\x1b[2Kverify: 1,000 entries in 3.5 s (286 entries/s)\n');
    const count = term.writes.length;
    term.progress.done();
    term.progress.tick();
    expect(term.writes).toHaveLength(count);
  });

  it('says how far it got when it stopped early', () => {
    const term = terminal();
    term.at(125_000);
    term.progress.set(400);
    term.progress.done();
    expect(term.screen).toBe('verify: 400 of 1,000 entries in 2 min 05 s (3.2 entries/s)\n');
  });

  it('ends with a message of its own', () => {
    const term = terminal();
    term.at(45_000);
    term.progress.done('rebuilt the catalogue');
    expect(term.screen).toBe('verify: rebuilt the catalogue in 45 s\n');
  });

  it('fits the line to the width of the terminal', () => {
    const writes: string[] = [];
    const stream = Object.assign(
      new Writable({
        write(chunk, _encoding, callback) {
          writes.push(String(chunk));
          callback();
        },
      }),
      { isTTY: true, columns: 20 },
    );
    let t = 0;
    const progress = createProgress({ label: 'verify', total: 1000, stream, now: () => t });
    t = 2000;
    progress.set(10);
    expect(writes[0]).toBe('\r\x1b[2Kverify  10 / 1,000…');
    progress.done();
    expect(writes[1]).toBe('\r\x1b[2Kverify: 10 of 1,00…\n');
  });
});

describe('progress when stderr is not a terminal', () => {
  it('writes nothing at all', () => {
    const term = terminal({}, false);
    for (let ms = 0; ms <= 5000; ms += 100) {
      term.at(ms);
      term.progress.tick(10);
    }
    term.progress.setTotal(2000);
    term.progress.done();
    term.progress.done('finished');
    expect(term.writes).toEqual([]);
  });

  it('asks the stream whether it is a terminal when not told', () => {
    const writes: string[] = [];
    const piped = new Writable({
      write(chunk, _encoding, callback) {
        writes.push(String(chunk));
        callback();
      },
    });
    const progress = createProgress({ label: 'export', total: 10, stream: piped, minIntervalMs: 0 });
    progress.tick(5);
    progress.done();
    expect(writes).toEqual([]);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0.0 s'],
    [-5, '0.0 s'],
    [Number.NaN, '0.0 s'],
    [Number.POSITIVE_INFINITY, '0.0 s'],
    [420, '0.4 s'],
    [9_940, '9.9 s'],
    [9_960, '10 s'],
    [45_000, '45 s'],
    [59_400, '59 s'],
    [59_600, '1 min 00 s'],
    [80_000, '1 min 20 s'],
    [185_000, '3 min 05 s'],
    [3_599_000, '59 min 59 s'],
    [3_599_600, '1 h 00 min'],
    [3_720_000, '1 h 02 min'],
    [3_749_000, '1 h 02 min'],
    [26 * 3_600_000 + 5 * 60_000, '26 h 05 min'],
  ])('%d ms reads "%s"', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
