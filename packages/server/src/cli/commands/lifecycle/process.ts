// alutrace process: a sorting, shredding, melting… run at a recycler: lots
// consumed, additions, and the output and by-product lots it made.
import {
  ADDITION_KINDS,
  BYPRODUCT_KINDS,
  PROCESS_KINDS,
  PRODUCT_FORMS,
  type ProductForm,
  type RecordedView,
} from '@alutrace/shared';
import { type Command, EXIT_OK, str, UsageError } from '../../cli-kit';
import { massText, percentText, printRecorded } from '../../remote/print-recorded';
import { RECORD_HELP, recordOptions, runRemote } from '../../remote/remote-command';
import { codeOf, lotMassOf, many, pairOf, required, usage } from '../../remote/typed-values';

export const processCommand: Command = {
  name: 'process',
  summary: 'record a processing run: inputs consumed, additions, outputs, by-products (server API)',
  usage: [
    'alutrace process --process KIND --input LOT=MASS… [--add KIND=MASS…] [--output FORM:CODE=MASS…] [--byproduct KIND=MASS[:CODE]…] [options]',
    '',
    'Records one run. Outputs and by-products become new lots (printed with their labels);',
    'their total may not exceed the inputs consumed plus the additions (mass balance). The',
    'difference is the melt loss; a loss over the limit is accepted and flagged.',
    'Repeat --input, --add, --output and --byproduct for each item.',
    '',
    `  --process KIND       ${PROCESS_KINDS.join(', ')}`,
    '  --input LOT=MASS     a lot and the mass consumed from it',
    `  --add KIND=MASS      a non-scrap addition: ${ADDITION_KINDS.join(', ')}`,
    '  --output FORM:CODE=MASS',
    `                       a product lot: FORM is ${PRODUCT_FORMS.join(', ')};`,
    '                       CODE is its alloy (ADC12, A380, 6063…), or its grade for sorted_scrap',
    '  --byproduct KIND=MASS[:CODE]',
    `                       a by-product lot: ${BYPRODUCT_KINDS.join(', ')}, with its`,
    '                       hazardous-waste code where one applies (e.g. HW48 321-026-48)',
    '',
    'Masses carry their unit (g, kg or t), as in `alutrace collect --help`.',
    '',
    RECORD_HELP,
    '',
    'Example:',
    '  alutrace process --site RC01 --process melting \\',
    '    --input PG01-261128-0001=980kg --input PG01-261128-0002=499kg --add primary_aluminium=21kg \\',
    "    --output ingot:ADC12=1.3t --byproduct 'dross=120kg:HW48 321-026-48'",
  ].join('\n'),
  options: {
    ...recordOptions,
    process: { type: 'string' },
    input: { type: 'string', multiple: true },
    add: { type: 'string', multiple: true },
    output: { type: 'string', multiple: true },
    byproduct: { type: 'string', multiple: true },
  },
  async run(args, io) {
    const process = required(args, 'process', 'melting');
    const inputs = many(args, 'input').map((t) => {
      const { lotId, massG } = lotMassOf('--input', t);
      return { lotId, consumedG: massG };
    });
    if (inputs.length === 0)
      throw usage('a run consumes at least one lot: --input LOT=MASS', '一次作业至少投入一个批次：--input 批次号=质量');
    const additions = many(args, 'add').map((t) => {
      const { name, massG } = pairOf('--add', t, 'KIND');
      return { kind: name, massG };
    });
    const outputs = many(args, 'output').map(outputOf);
    const byproducts = many(args, 'byproduct').map(byproductOf);
    return runRemote(args, io, { fieldOptions: FIELD_OPTIONS }, async (remote) => {
      const site = await remote.site();
      const view = await remote.client.mutate<RecordedView>('processing.record', {
        site,
        process,
        inputs,
        additions,
        outputs,
        byproducts,
        occurredAt: str(args, 'occurred-at'),
        idempotencyKey: remote.key(),
        sealed: { note: str(args, 'note') },
      });
      if (remote.json) {
        io.out(JSON.stringify(view, null, 2));
        return EXIT_OK;
      }
      const sum = (xs: { massG: number }[]) => xs.reduce((s, x) => s + x.massG, 0);
      const inG = inputs.reduce((s, i) => s + i.consumedG, 0) + sum(additions);
      const outG = sum(outputs) + sum(byproducts);
      const lossPpm = inG > 0 ? Math.round(((inG - outG) * 1_000_000) / inG) : 0;
      printRecorded(io, view, `recorded a ${process} run at ${site}`, [
        `in ${massText(inG)}, out ${massText(outG)}, loss ${massText(inG - outG)} (${percentText(lossPpm)})`,
      ]);
      return EXIT_OK;
    });
  },
};

/** `ingot:ADC12=1.3t`, `sorted_scrap:UBC=900kg`. */
function outputOf(text: string): { form: string; alloy: string | null; grade: string | null; massG: number } {
  const { name, massG } = pairOf('--output', text, 'FORM:CODE');
  const [form = '', code = '', ...rest] = name.split(':');
  if (!code || rest.length > 0) {
    throw new UsageError(
      `--output ${text}: write FORM:CODE=MASS, e.g. ingot:ADC12=1.3t or sorted_scrap:UBC=900kg\n  --output ${text}：应写成 形态:牌号=质量，如 ingot:ADC12=1.3t`,
    );
  }
  const sorted = (form as ProductForm) === 'sorted_scrap';
  return { form, alloy: sorted ? null : codeOf(code), grade: sorted ? codeOf(code) : null, massG };
}

/** `dross=120kg` or `dross=120kg:HW48 321-026-48`. */
function byproductOf(text: string): { kind: string; massG: number; hazardousWasteCode: string | null } {
  const eq = text.indexOf('=');
  const colon = text.indexOf(':', eq);
  const pair = colon < 0 ? text : text.slice(0, colon);
  const code =
    colon < 0
      ? null
      : text
          .slice(colon + 1)
          .trim()
          .toUpperCase();
  const { name, massG } = pairOf('--byproduct', pair, 'KIND');
  if (code === '')
    throw usage(
      `--byproduct ${text}: the code after ":" is empty (e.g. dross=120kg:HW48 321-026-48)`,
      `--byproduct ${text}：“:” 后的危废代码为空（如 dross=120kg:HW48 321-026-48）`,
    );
  return { kind: name, massG, hazardousWasteCode: code };
}

const FIELD_OPTIONS: Record<string, string> = {
  process: '--process',
  inputs: '--input',
  additions: '--add',
  outputs: '--output',
  byproducts: '--byproduct',
  site: '--site',
  occurredAt: '--occurred-at',
  'sealed.note': '--note',
};
