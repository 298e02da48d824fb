// The API's patterns explain themselves with an English hint (`.regex(re, hint)`);
// this is each hint in Chinese, so that a refused field is explained in the
// reader's language (the server's error formatter looks the hint up).

export const USERNAME_HINT = 'letters, digits, ".", "_" and "-", starting with a letter or digit';

export const FORMAT_HINTS_ZH: Readonly<Record<string, string>> = {
  [USERNAME_HINT]: '只能使用字母、数字和“.”“_”“-”，并以字母或数字开头',
  'a site code: capital letters and digits, like "PG01"': '站点代码：大写字母和数字，例如“PG01”',
  'a site code like "PG01"': '站点代码，例如“PG01”',
  'a site code like PG01': '站点代码，例如 PG01',
  'an id': '应为 ID',
  'a UUID': '应为 UUID',
  'a lot id like PG01-261128-0007': '批次号，例如 PG01-261128-0007',
  'an event name like "site.created"': '事件名称，例如“site.created”',
  'a code like HW48 321-026-48': '危险废物代码，例如 HW48 321-026-48',
  '4–40 letters, digits or "-"': '4–40 个字母、数字或“-”',
  '8–100 letters, digits, ".", "_", ":" or "-" (a UUID is a good key)':
    '8–100 个字母、数字或“.”“_”“:”“-”（可以使用 UUID）',
  'a code of capital letters, digits, ".", "_" and "-"': '由大写字母、数字和“.”“_”“-”组成的代码',
  'a hex SHA-256 commitment': '十六进制的 SHA-256 承诺值',
  'a hex SHA-256': '十六进制的 SHA-256 值',
  'a date like 2026-11-28': '日期，例如 2026-11-28',
  'user:<id> or token:<id>': 'user:<id> 或 token:<id>',
};
