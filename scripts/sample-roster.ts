/**
 * Writes the sample HR roster the README's walkthrough imports: 63 young cadres of
 * 萧山区 in the shape HR sends it — Chinese headers, units named by path — once as
 * an Excel workbook and once as a GBK-encoded CSV (what Excel saves on Chinese Windows).
 *   npx tsx scripts/sample-roster.ts   → docs/samples/
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

const OUT = fileURLToPath(new URL('../docs/samples/', import.meta.url));
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马'];
const GIVEN = ['伟', '芳', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '晓东', '海燕', '建华', '志刚'];
const UNITS = [
  '瓜沥镇/梅林一村',
  '瓜沥镇/航民村',
  '瓜沥镇/党政办',
  '宁围街道/宁新村',
  '宁围街道/社区服务中心',
  '区发改局',
  '区农业农村局',
  '区经信局',
  '所前镇/杏花村',
];
const POSITIONS = ['党委书记', '村党组织书记', '副主任', '科员', '副科长', '社区书记'];
const GRADES = ['副科级', '正科级', '科员', '一级主任科员', '四级主任科员'];

export const HEADERS = ['工号', '姓名', '单位', '职务', '职级', '出生年份'];

export function sampleRows(count = 63): string[][] {
  return Array.from({ length: count }, (_, i) => [
    `XS${String(2026001 + i)}`,
    SURNAMES[i % SURNAMES.length]! + GIVEN[(i * 7) % GIVEN.length]!,
    UNITS[i % UNITS.length]!,
    POSITIONS[i % POSITIONS.length]!,
    GRADES[i % GRADES.length]!,
    String(1986 + (i % 12)),
  ]);
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const rows = sampleRows();
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('干部名册');
  sheet.addRow(HEADERS).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((cell, i) => (i === 5 ? Number(cell) : cell)));
  for (const column of sheet.columns) column.width = 16;
  await workbook.xlsx.writeFile(`${OUT}年轻干部名册.xlsx`);
  const csv = `${[HEADERS, ...rows].map((r) => r.join(',')).join('\r\n')}\r\n`;
  writeFileSync(`${OUT}年轻干部名册-GBK.csv`, iconv.encode(csv, 'gbk'));
  console.info(`wrote ${rows.length} cadres to ${OUT}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
