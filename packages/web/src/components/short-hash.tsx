import type { ReactElement } from 'react';

const SHOWN_HEX_DIGITS = 12;

/** The first hex digits of a hash, enough to tell entries apart at a glance; the tooltip holds the full hash. */
export function ShortHash({ hex }: { hex: string }): ReactElement {
  return (
    <code className="hash" title={hex}>
      {hex.slice(0, SHOWN_HEX_DIGITS)}…
    </code>
  );
}
