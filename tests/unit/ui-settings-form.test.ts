import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { followRenames, splitAliases, toDraft, validateDraft } from '../../utils/ui/settingsForm';
import { parseSettings } from '../../components/settingsStorage';

describe('settings form', () => {
  it('round-trips the defaults', () => {
    const v = validateDraft(toDraft(DEFAULT_SETTINGS));
    expect(v.ok).toBe(true);
    if (v.ok) expect(v.settings).toEqual(DEFAULT_SETTINGS);
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
  it('rejects duplicate departments and mappings to unknown ones', () => {
    const d = toDraft(DEFAULT_SETTINGS);
    d.departments[2]!.name = d.departments[0]!.name;
    const v = validateDraft(d);
    expect(v.ok).toBe(false);
    if (!v.ok) {
      expect(v.errors[`dept.${d.departments[2]!.id}.name`]).toBe('errDuplicateDept');
      // Mappings to the renamed department no longer point at a listed one.
      const tdc = d.mapping.find((m) => m.department === 'Chi cục Tiêu chuẩn Đo lường Chất lượng')!;
      expect(v.errors[`map.${tdc.id}.department`]).toBe('errUnknownDept');
    }
  });
  it('an empty mapping row is reported on both fields', () => {
    const d = toDraft(DEFAULT_SETTINGS);
    d.mapping.push({ id: 'mx', field: '', department: '' });
    const v = validateDraft(d);
    expect(v.ok).toBe(false);
    if (!v.ok) {
      expect(v.errors['map.mx.field']).toBe('errRequired');
      expect(v.errors['map.mx.department']).toBe('errRequired');
    }
  });
  it('mapping rows follow a renamed department', () => {
    const d = toDraft(DEFAULT_SETTINGS);
    const next = d.departments.map((x, i) => (i === 1 ? { ...x, name: 'Phòng Công nghệ' } : x));
    const mapping = followRenames(d.departments, next, d.mapping);
    expect(mapping.filter((m) => m.department === 'Phòng Công nghệ')).toHaveLength(3);
    expect(validateDraft({ ...d, departments: next, mapping }).ok).toBe(true);
    expect(followRenames(d.departments, d.departments, d.mapping)).toBe(d.mapping);
  });
  it('stored settings fall back to the defaults when invalid', () => {
    expect(parseSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, fellBack: false });
    expect(parseSettings({ version: 2 })).toEqual({ settings: DEFAULT_SETTINGS, fellBack: true });
    expect(parseSettings(DEFAULT_SETTINGS).fellBack).toBe(false);
  });
});
