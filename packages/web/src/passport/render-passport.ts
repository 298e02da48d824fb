// The lot's public figures (DOMAIN.md "What is public and what is sealed"):
// what it is, how much, where and when, its recycled content, where it went,
// and where it came from, with a link to each input's own passport. Nothing
// here is sealed: the passport carries no sealed value to show.
import {
  BYPRODUCT_KIND_NAMES,
  BYPRODUCT_ROUTE_NAMES,
  DOWNSTREAM_CHAIN_NAMES,
  LOT_STATE_NAMES,
  type Passport,
  PRODUCT_FORM_NAMES,
  SOURCE_CLASS_NAMES,
} from '@alutrace/shared';
import { type Child, h } from './dom';
import { dateTime, mass, percent, siteName, sitePlace } from './format';
import type { PassportLanguage, PassportText } from './passport-text';

function row(label: string, value: Child | Child[], testId?: string): HTMLElement[] {
  return [h('dt', null, label), h('dd', testId ? { 'data-testid': testId } : null, value)];
}

function site(s: Passport['lot']['originSite'], lang: PassportLanguage): Child[] {
  const place = sitePlace(s, lang);
  return [siteName(s, lang), place ? h('span', { class: 'passport-place' }, place) : null];
}

export function renderFacts(p: Passport, lang: PassportLanguage, t: PassportText): HTMLElement {
  const { lot } = p;
  const name = (n: { nameZh: string; nameEn: string }) => (lang === 'zh' ? n.nameZh : n.nameEn);
  const what: HTMLElement[] = [
    ...(lot.grade ? row(t.grade, `${name(lot.grade)} (${lot.grade.code})`, 'grade') : []),
    ...(lot.alloy ? row(t.alloy, `${name(lot.alloy)} (${lot.alloy.standard})`, 'alloy') : []),
    ...(lot.form ? row(t.form, PRODUCT_FORM_NAMES[lot.form][lang]) : []),
    ...(lot.byproductKind ? row(t.byproduct, BYPRODUCT_KIND_NAMES[lot.byproductKind][lang]) : []),
    ...(lot.hazardousWasteCode ? row(t.hazardousWasteCode, lot.hazardousWasteCode) : []),
    ...(lot.sourceClass ? row(t.sourceClass, SOURCE_CLASS_NAMES[lot.sourceClass][lang]) : []),
    ...row(t.mass, mass(lot.massG), 'mass'),
    ...row(t.balance, mass(lot.balanceG)),
    ...row(t.state, LOT_STATE_NAMES[lot.state][lang], 'state'),
    ...row(t.madeAt, site(lot.originSite, lang), 'origin-site'),
    ...(lot.holder ? row(t.heldBy, site(lot.holder, lang)) : []),
    ...(lot.transitTo ? row(t.inTransitTo, site(lot.transitTo, lang)) : []),
    ...row(t.created, dateTime(lot.createdAt, lang)),
    ...row(t.updated, dateTime(lot.updatedAt, lang)),
    ...row(
      t.recycled,
      [
        h('strong', null, percent(lot.recycledPpm)),
        h(
          'span',
          { class: 'passport-place' },
          t.recycledOf(mass(lot.recycledG), `${mass(lot.postConsumerG)} (${percent(lot.postConsumerPpm)})`),
        ),
      ],
      'recycled',
    ),
    ...(lot.shippedTo
      ? row(
          t.shipped,
          [
            t.shippedTo(siteName(lot.shippedTo.buyer, lang)),
            h(
              'span',
              { class: 'passport-place' },
              `${t.chain(DOWNSTREAM_CHAIN_NAMES[lot.shippedTo.chain][lang])} · ${mass(lot.shippedTo.massG)} · ${dateTime(lot.shippedTo.occurredAt, lang)}`,
            ),
          ],
          'shipped',
        )
      : []),
    ...(lot.routes.length > 0
      ? row(
          t.routes,
          lot.routes.map((r) =>
            h(
              'span',
              { class: 'passport-line' },
              `${BYPRODUCT_ROUTE_NAMES[r.route][lang]} · ${mass(r.massG)} · ${dateTime(r.occurredAt, lang)}`,
            ),
          ),
        )
      : []),
  ];
  return h('section', { class: 'passport-card' }, h('dl', { class: 'passport-facts' }, what));
}

export function renderTrace(p: Passport, lang: PassportLanguage, t: PassportText): HTMLElement {
  const u = p.upstream;
  const colon = lang === 'zh' ? '：' : ': ';
  const points = u.collectionPoints.length + (u.otherPoints?.points ?? 0);
  const sources = (['post_consumer', 'pre_consumer'] as const).map((c) =>
    h(
      'li',
      null,
      `${SOURCE_CLASS_NAMES[c][lang]}${colon}${mass(u.bySourceClass[c].grams)} (${percent(u.bySourceClass[c].ppm)})`,
    ),
  );
  const pointRows = u.collectionPoints.map((cp) =>
    h('tr', null, h('td', null, site(cp.site, lang)), h('td', null, cp.lots), h('td', null, mass(cp.grams))),
  );
  if (u.otherPoints)
    pointRows.push(
      h(
        'tr',
        null,
        h('td', null, t.otherPoints(u.otherPoints.points)),
        h('td', null, u.otherPoints.lots),
        h('td', null, mass(u.otherPoints.grams)),
      ),
    );
  const inputs =
    p.inputs.length === 0
      ? h('p', { class: 'passport-note' }, t.noInputs)
      : h(
          'ul',
          { class: 'passport-inputs', 'data-testid': 'inputs' },
          p.inputs.map((i) =>
            h(
              'li',
              null,
              h('a', { href: `/l/${encodeURIComponent(i.lotId)}?d=${i.labelDigest}` }, i.lotId),
              ` ${[i.grade, i.alloy].filter(Boolean).join(' ')} · ${t.consumed} ${mass(i.consumedG)} / ${mass(i.massG)}`,
            ),
          ),
        );
  return h(
    'section',
    { class: 'passport-card', 'data-testid': 'trace' },
    h('h2', null, t.trace),
    h(
      'p',
      null,
      t.upstreamLots(u.collectionLots, points),
      ` · ${mass(u.bySourceClass.post_consumer.grams + u.bySourceClass.pre_consumer.grams)}`,
    ),
    h('ul', { class: 'passport-sources' }, sources),
    u.additionsG > 0 ? h('p', null, `${t.additions}${colon}${mass(u.additionsG)}`) : null,
    u.untracedG > 0 ? h('p', null, `${t.untraced}${colon}${mass(u.untracedG)}`) : null,
    pointRows.length > 0
      ? h(
          'table',
          { class: 'passport-points' },
          h('thead', null, h('tr', null, h('th', null, t.point), h('th', null, t.lotsCol), h('th', null, t.massCol))),
          h('tbody', null, pointRows),
        )
      : null,
    h('h3', null, t.inputs),
    inputs,
  );
}
