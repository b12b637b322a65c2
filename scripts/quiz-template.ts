/**
 * Writes the question-bank template: the header row (bold, widths set, frozen) and one example row per 题型.
 * Usage: npm run quiz:template [-- OUT.xlsx]   (default 题库模板.xlsx)
 */
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import ExcelJS from 'exceljs'
import { COLUMNS } from '../src/domain/quiz/index'

const SIMPLE_HISTORY = '《中国共产党简史》，人民出版社、中共党史出版社，2021年2月'

/** One example row per type, by column name; every one imports against content/issues as shipped. */
export const EXAMPLES: Array<Record<string, string | number>> = [
  {
    题型: '单选',
    题干: '2020年“读党史、守初心、担使命”活动覆盖市直机关多少个党组织？',
    选项A: '500余个',
    选项B: '1000余个',
    选项C: '3900余个',
    选项D: '1万余个',
    答案: 'C',
    解析: '活动覆盖市直机关3900余个党组织、5万余名党员干部。',
    分值: 1,
    难度: '易',
    出处: 'chongqing-dangshi-gongzuo-2020-02「此次活动覆盖市直机关 3900 余个党组织、5 万余名党员干部」',
    主题: '读党史活动'
  },
  {
    题型: '多选',
    题干: '中国共产党第一次全国代表大会先后在哪些地方举行？',
    选项A: '上海',
    选项B: '浙江嘉兴南湖',
    选项C: '北京',
    选项D: '广州',
    答案: 'A、B',
    解析: '中共一大在上海开幕，最后一次会议转移到嘉兴南湖的一艘游船上举行。',
    分值: 2,
    难度: '中',
    出处: SIMPLE_HISTORY,
    主题: '建党'
  },
  {
    题型: '判断',
    题干: '“读党史、守初心、担使命”活动于2020年4月至9月开展。',
    答案: '对',
    解析: '活动由四个环节组成，于2020年4月至9月有序开展。',
    分值: 1,
    难度: '易',
    出处: '《重庆党史工作》2020年第2期「于 2020 年 4 月至 9 月有序开展」',
    主题: '读党史活动'
  },
  {
    题型: '填空',
    题干: '中国共产党第一次全国代表大会于1921年7月23日在____开幕。',
    答案: '上海|上海市',
    解析: '中共一大1921年7月23日在上海法租界望志路106号开幕。',
    分值: 1,
    难度: '中',
    出处: SIMPLE_HISTORY,
    主题: '建党'
  }
]

const WIDTHS: Record<string, number> = { 题型: 8, 题干: 48, 答案: 10, 解析: 40, 分值: 8, 难度: 8, 出处: 60, 主题: 14 }

/** Builds the template workbook. */
export function templateWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('题库', { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = COLUMNS.map((name) => ({ header: name, key: name, width: WIDTHS[name] ?? 18 }))
  sheet.getRow(1).font = { bold: true }
  for (const example of EXAMPLES) sheet.addRow(example)
  sheet.eachRow((row) => {
    row.alignment = { vertical: 'top', wrapText: true }
  })
  return workbook
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv.slice(2).filter((a) => a !== '--')[0] ?? '题库模板.xlsx'
  templateWorkbook()
    .xlsx.writeFile(out)
    .then(
      () => process.stdout.write(`已写出题库模板：${out}\n`),
      (e: unknown) => {
        process.stderr.write(`${out}: 无法写出模板（${(e as NodeJS.ErrnoException).code ?? String(e)}）\n`)
        process.exitCode = 1
      }
    )
}
