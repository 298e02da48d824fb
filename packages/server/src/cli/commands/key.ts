import { formatVerifierKey } from '@alutrace/shared';
import { readSigningKey } from '../../ledger/signing-key';
import { type Command, EXIT_OK, UsageError } from '../cli-kit';
import { DATA_DIR_HELP, dataDirOf, dataDirOption } from './data-dir';

export const keyCommand: Command = {
  name: 'key',
  summary: "print the ledger's verifier key (public; publish it)",
  usage: [
    'alutrace key [--data-dir DIR]',
    '',
    'Prints the verifier key (name+keyid+base64 Ed25519 public key) that checks',
    "this ledger's checkpoint signatures. It is public: publish it so that",
    'others can verify exports and checkpoints. The signing key itself is never printed.',
    '',
    DATA_DIR_HELP,
  ].join('\n'),
  options: { ...dataDirOption },
  async run(args, io) {
    const dataDir = dataDirOf(args, io);
    try {
      io.out(formatVerifierKey(readSigningKey(dataDir)));
    } catch (e) {
      throw new UsageError(
        `no signing key in ${dataDir} (${(e as Error).message}); start the server once to create it`,
      );
    }
    return EXIT_OK;
  },
};
