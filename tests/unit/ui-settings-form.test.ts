import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { splitAliases, toDraft, validateDraft, mappingDepartment } from '../../utils/ui/settingsForm';
import { parseSettings } from '../../components/settingsStorage';

describe('settings form', () => {
  it('round-trips the defaults', () => {
    const v = validateDraft(toDraft(DEFAULT_SETTINGS));
    expect(v.ok).toBe(true);
    if (v.ok) expect(v.settings).toEqual(DEFAULT_SETTINGS);
  });
  it('edits the report header: recipients one per line, a too-long value reported against its field', () => {
    const d = toDraft(DEFAULT_SETTINGS);
    expect(d.report).toMatchObject({ governingBody: 'UBND TỈNH LẠNG SƠN', issuingBody: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ', recipients: 'Văn phòng Sở\nLưu: VT' });
    const v = validateDraft({ ...d, report: { ...d.report, unit: ' Phòng Quản lý khoa học ', recipients: 'UBND tỉnh\n\n Văn phòng Sở \nLưu: VT' } });
    expect(v.ok && v.settings.report).toMatchObject({ unit: 'Phòng Quản lý khoa học', recipients: ['UBND tỉnh', 'Văn phòng Sở', 'Lưu: VT'] });
    const bad = validateDraft({ ...d, report: { ...d.report, signerName: 'x'.repeat(201) } });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors['report.signerName']).toBe('errTooLong');
  });
  it('splits aliases on commas and drops empties', () => {
    expect(splitAliases(' Phòng QLKH, QLKH ,, ')).toEqual(['Phòng QLKH', 'QLKH']);
  });
  it('reports a too-short name against its field and saves nothing', () => {
    const d = toDraft(DEFAULT_SETTINGS);
    d.departments[3]!.name = 'x';
    const v = validateDraft(d);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.errors).toEqual({ [`dept.${d.departments[3]!.id}.name`]: 'errTooShort' });
  });
  it('an empty name is "required"', () => {
    const d = toDraft(DEFAULT_SETTINGS);
    d.departments[0]!.name = '   ';
    const v = validateDraft(d);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.errors[`dept.${d.departments[0]!.id}.name`]).toBe('errRequired');
  });
  it('rejects duplicate departments', () => {
    const d = toDraft(DEFAULT_SETTINGS);
    d.departments[2]!.name = d.departments[0]!.name;
    const v = validateDraft(d);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.errors[`dept.${d.departments[2]!.id}.name`]).toBe('errDuplicateDept');
  });
  it('a mapping to a removed department is reported', () => {
    const d = toDraft(DEFAULT_SETTINGS);
    const tdc = d.departments[2]!;
    d.departments = d.departments.filter((x) => x !== tdc);
    const row = d.mapping.find((m) => m.deptRef === tdc.id)!;
    const v = validateDraft(d);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.errors).toEqual({ [`map.${row.id}.department`]: 'errUnknownDept' });
  });
  it('a stored mapping to an unlisted department is kept by name and reported', () => {
    const d = toDraft({ ...DEFAULT_SETTINGS, fieldMapping: [{ field: 'Lĩnh vực A', department: 'Phòng Không Có' }] });
    expect(d.mapping[0]!.deptRef).toBeNull();
    expect(mappingDepartment(d.mapping[0]!, d.departments)).toBe('Phòng Không Có');
    expect(validateDraft(d).ok).toBe(false);
  });
  it('an empty mapping row is reported on both fields', () => {
    const d = toDraft(DEFAULT_SETTINGS);
    d.mapping.push({ id: 'mx', field: '', deptRef: null, department: '' });
    const v = validateDraft(d);
    expect(v.ok).toBe(false);
    if (!v.ok) {
      expect(v.errors['map.mx.field']).toBe('errRequired');
      expect(v.errors['map.mx.department']).toBe('errRequired');
    }
  });
  it('mapping rows follow a renamed department, even through an empty name', () => {
    const d = toDraft(DEFAULT_SETTINGS);
    d.departments[1]!.name = '';
    expect(validateDraft(d).ok).toBe(false);
    d.departments[1]!.name = 'Phòng Công nghệ';
    const v = validateDraft(d);
    expect(v.ok).toBe(true);
    if (v.ok) expect(v.settings.fieldMapping.filter((m) => m.department === 'Phòng Công nghệ')).toHaveLength(3);
  });
  it('stored settings fall back to the defaults when invalid', () => {
    expect(parseSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, fellBack: false });
    expect(parseSettings({ version: 2 })).toEqual({ settings: DEFAULT_SETTINGS, fellBack: true });
    expect(parseSettings(DEFAULT_SETTINGS).fellBack).toBe(false);
  });
});
