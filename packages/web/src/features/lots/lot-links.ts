// Addresses of a lot's pages and labels. The label routes are served by the
// label renderer (GET /labels/{lotId}.svg and /labels/print), the passport by
// the public page at /l/{lotId}?d={digest}.

export function lotPath(lotId: string): string {
  return `/lots/${encodeURIComponent(lotId)}`;
}

/** The print page, printing at once: the label to stick on the load. */
export function labelPrintPath(lotIds: readonly string[]): string {
  return `/labels/print?lots=${lotIds.map(encodeURIComponent).join(',')}&print=1`;
}

export function labelSvgPath(lotId: string): string {
  return `/labels/${encodeURIComponent(lotId)}.svg`;
}

export function passportPath(lotId: string, digest: string): string {
  return `/l/${encodeURIComponent(lotId)}?d=${encodeURIComponent(digest)}`;
}
