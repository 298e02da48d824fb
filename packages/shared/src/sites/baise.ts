// Where sites are: the districts and counties of Baise (百色市), and the
// aluminium parks the recycling plan names.

/** Baise's county-level divisions, by their official Chinese names (as people type them on forms). */
export const BAISE_DISTRICTS = [
  { zh: '右江区', en: 'Youjiang District' },
  { zh: '田阳区', en: 'Tianyang District' },
  { zh: '平果市', en: 'Pingguo' },
  { zh: '靖西市', en: 'Jingxi' },
  { zh: '田东县', en: 'Tiandong County' },
  { zh: '德保县', en: 'Debao County' },
  { zh: '那坡县', en: 'Napo County' },
  { zh: '凌云县', en: 'Lingyun County' },
  { zh: '乐业县', en: 'Leye County' },
  { zh: '田林县', en: 'Tianlin County' },
  { zh: '西林县', en: 'Xilin County' },
  { zh: '隆林各族自治县', en: 'Longlin Autonomous County' },
] as const;

export const PARKS = ['pingguo_industrial', 'xinshan_aluminium', 'debao_aluminium'] as const;
export type Park = (typeof PARKS)[number];

export const PARK_NAMES: Record<Park, { en: string; zh: string }> = {
  pingguo_industrial: { en: 'Pingguo industrial park', zh: '平果工业园区' },
  xinshan_aluminium: { en: 'Xinshan aluminium demonstration park', zh: '新山铝产业示范园' },
  debao_aluminium: { en: 'Debao aluminium park', zh: '德保铝产业园' },
};
