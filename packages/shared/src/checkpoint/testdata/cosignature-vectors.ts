// Known answers for C2SP tlog-cosignature v1 (Ed25519), copied from public implementations
// (each with its source). Never regenerate them with this project's code.

export const COSIGNATURE_VECTORS = {
  comment:
    "Known answers for C2SP tlog-cosignature v1 (Ed25519), copied from public implementations. Do not regenerate them with this project's code.",
  signed: [
    {
      source:
        'sigsum-go, pkg/checkpoint/checkpoint_test.go (TestCheckpointCosignVerify / TestCheckpointVerifyCosignatureByKey): crypto.PrivateKey{17}, key name example.org/witness, timestamp 1234, checkpoint of example.org/log size 10 root HA5H…',
      secretKeyHex: '1100000000000000000000000000000000000000000000000000000000000000',
      name: 'example.org/witness',
      timestamp: 1234,
      body: 'example.org/log\n10\nHA5HAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n',
      line: '— example.org/witness ys8uUAAAAAAAAATSftMzceM8zssdZ9jin9SjwIxzx9iADMf63VqirX2hafol9RsqNqbofIz0LVRqHXI2kpEBSki5RTXFtxz1vo9+Cg==',
      otherLines: [
        {
          why: "a different key id (first byte changed): not this key's line",
          line: '— example.org/witness yX8uUAAAAAAAAATSftMzceM8zssdZ9jin9SjwIxzx9iADMf63VqirX2hafol9RsqNqbofIz0LVRqHXI2kpEBSki5RTXFtxz1vo9+Cg==',
        },
        {
          why: "a different key name (example.org/witness-2): not this key's line",
          line: '— example.org/witness-2 ys8uUAAAAAAAAATSftMzceM8zssdZ9jin9SjwIxzx9iADMf63VqirX2hafol9RsqNqbofIz0LVRqHXI2kpEBSki5RTXFtxz1vo9+Cg==',
        },
      ],
    },
  ],
  timestamps: [
    {
      source:
        "C2SP tlog-cosignature.md, the example cosignature by witness.example.com/w1 and its signed message 'time 1679315147'",
      line: '— witness.example.com/w1 jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==',
      keyIdHex: '8d66cf3f',
      timestamp: 1679315147,
    },
    {
      source: "transparency-dev/formats, note/note_cosigv1_test.go TestCoSigV1Timestamp 'works'",
      line: '— some.witness ZGhGuQAAAABm/qTPeyKXD+R2rzyQsxPiP8mXum7qq/iF0u4vanlqJyocWODBt97w9uL+8qT7S5gxEHWWOworDcFiEBYJXORmnFBOBA==',
      keyIdHex: '646846b9',
      timestamp: 1727964367,
    },
  ],
  vkeys: [
    {
      source:
        "transparency-dev/formats, note/note_cosigv1_test.go TestCoSigV1NewVerifier 'native algEd25519CosignatureV1 verifier' (a real witness key)",
      vkey: 'remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2',
      valid: true,
    },
    {
      source:
        "transparency-dev/formats TestCoSigV1NewVerifier 'works: convert from algEd25519': a signed-note (0x01) key, not a cosignature key",
      vkey: 'TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6',
      valid: false,
    },
  ],
} as const;
