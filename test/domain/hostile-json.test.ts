// Issue 14 item 8: what a hostile JSON file gets told. No prototype lookups on its keys, no JavaScript text in
// the message, numbers out of range and keys given twice named by their path.
import { assessmentFromJson } from '../../src/domain/assessment/json';
import { findDuplicateKey } from '../../src/domain/assessment/json-scan';
import { getRubric } from '../../src/domain/rubrics';
import { isRawJsError, readFailureText } from '../../src/domain/text/error-text';
import { WorkbookReadError } from '../../src/adapters/xlsx/read';
import { advancedAssessment } from '../fixtures/jiangsu';

const JS_TEXT = /Unexpected|JSON at position|Cannot read|undefined|Invalid time value|is not a function/;

describe('a hostile assessment JSON', () => {
  it('rubric "__proto__" (or "constructor") is an unknown rubric, not a dump of a schema', () => {
    for (const id of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(getRubric(id)).toBeUndefined();
      const r = assessmentFromJson(JSON.stringify({ rubric: id }), 'zh');
      expect(r).toEqual({ ok: false, problem: 'unknown-rubric', rubricId: id, known: ['jiangsu-2025'] });
    }
  });

  it('employees: 1e400 says the number is out of range, not 「应为数字，实为数字」', () => {
    const r = assessmentFromJson('{"profile": {"employees": 1e400}}', 'zh');
    expect(r).toEqual({
      ok: false,
      problem: 'not-assessment',
      problems: [{ path: 'profile.employees', message: '数值超出范围（如 1e400），应为普通大小的数字' }],
    });
    const en = assessmentFromJson('{"profile": {"revenue": -1e400}}', 'en');
    expect(en.ok === false && en.problem === 'not-assessment' && en.problems[0]!.message).toMatch(/out of range/);
  });

  it('a key given twice is refused with its path (JSON.parse alone keeps the last one silently)', () => {
    const a = advancedAssessment();
    const text = JSON.stringify(a).replace('"enterpriseName":', '"enterpriseName":"伪装企业","enterpriseName":');
    expect(JSON.parse(text).profile.enterpriseName).not.toBe('伪装企业'); // what JSON.parse does
    expect(assessmentFromJson(text, 'zh')).toEqual({
      ok: false,
      problem: 'not-assessment',
      problems: [{ path: 'profile.enterpriseName', message: '字段「enterpriseName」出现了两次（只能出现一次，请删去多余的一个）' }],
    });
    expect(findDuplicateKey('{"a":1,"\\u0061":2}')).toEqual({ path: 'a', key: 'a' });
    expect(findDuplicateKey('{"x":[{"a":1},{"a":2}],"y":{"s":"\\"a\\":","a":1}}')).toBeUndefined();
    expect(findDuplicateKey('{"x":[{"a":1},{"b":1,"b":2}]}')).toEqual({ path: 'x.1.b', key: 'b' });
    expect(findDuplicateKey('{"indicators":{"1":{"score":1},"1":{}}}')).toEqual({ path: 'indicators.1', key: '1' });
  });
});

describe('errors shown to users', () => {
  it("JavaScript's own errors are replaced by a sentence; ours are shown as they are", () => {
    let raw: unknown;
    try {
      (undefined as unknown as { x: number }).x;
    } catch (e) {
      raw = e;
    }
    expect(isRawJsError(raw)).toBe(true);
    expect(isRawJsError(new RangeError('Invalid time value'))).toBe(true);
    expect(isRawJsError('a string')).toBe(true);
    expect(readFailureText(raw, 'zh')).toBe('文件内容不合常规（内部错误）；请企业用 Excel 或 WPS 重新保存后再发送');
    expect(readFailureText(raw, 'zh')).not.toMatch(JS_TEXT);
    expect(readFailureText(new WorkbookReadError('不是自评表'), 'zh')).toBe('不是自评表');
  });
});
