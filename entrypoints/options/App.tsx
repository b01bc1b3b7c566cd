/**
 * Options: departments and aliases, lĩnh vực → department mapping (validated with
 * settingsSchema on save; nothing is saved while a field is invalid), portal
 * addresses with runtime permissions, and clearing the collected data.
 */
import { useEffect, useState } from 'react';
import { useI18n } from '../../components/I18n';
import { Notice, type NoticeValue } from '../../components/Notice';
import { DepartmentsEditor } from '../../components/DepartmentsEditor';
import { FieldMappingEditor } from '../../components/FieldMappingEditor';
import { PortalsEditor } from '../../components/PortalsEditor';
import { ReportHeaderEditor } from '../../components/ReportHeaderEditor';
import { ClearDataPanel } from '../../components/ClearDataPanel';
import { WalkOptionsPanel } from '../../components/WalkOptionsPanel';
import { ColumnMappingsList } from '../../components/ColumnMappingsList';
import { withoutMapping } from '../../utils/ui/column-mapping';
import { loadSettings, saveSettings } from '../../utils/settings-storage';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/settings';
import { toDraft, validateDraft, type FormErrors, type SettingsDraft } from '../../utils/ui/settingsForm';
import { keepSnapshotMoving } from '../../utils/snapshot-moves';
import { getDb } from '../../utils/store/db';

// Writes here keep the popup's tally snapshot current (utils/snapshot-moves.ts).
const db = keepSnapshotMoving(getDb());

export function OptionsApp() {
  const { t } = useI18n();
  const [saved, setSaved] = useState<Settings>();
  const [draft, setDraft] = useState<SettingsDraft>();
  const [errors, setErrors] = useState<FormErrors>({});
  const [notice, setNotice] = useState<NoticeValue>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: load once; a re-run would replace the clerk's unsaved draft
  useEffect(() => {
    loadSettings()
      .then(({ settings, fellBack }) => {
        setSaved(settings);
        setDraft(toDraft(settings));
        if (fellBack) setNotice({ kind: 'error', text: t('optLoadFallback') });
      })
      .catch(() => {
        setSaved(DEFAULT_SETTINGS);
        setDraft(toDraft(DEFAULT_SETTINGS));
        setNotice({ kind: 'error', text: t('optLoadFallback') });
      });
  }, []);

  if (!saved || !draft) {
    return (
      <main className="options" aria-busy="true">
        <h1>{t('optionsTitle')}</h1>
        <p className="muted">{t('loading')}</p>
      </main>
    );
  }

  const save = async () => {
    const v = validateDraft(draft);
    if (!v.ok) {
      setErrors(v.errors);
      setNotice({ kind: 'error', text: t('optSaveFailed') });
      return;
    }
    try {
      // Portals are saved on their own (with their permissions): keep what is stored now.
      const current = await loadSettings();
      // Keys edited elsewhere (column mappings, …) stay as stored.
      const base = current.fellBack ? saved : current.settings;
      const next = await saveSettings({ ...base, ...v.settings, portals: base.portals });
      setErrors({});
      setSaved(next);
      setNotice({ kind: 'ok', text: t('optSaved') });
    } catch (e) {
      setNotice({ kind: 'error', text: t('optSaveError', { message: e instanceof Error ? e.message : String(e) }) });
    }
  };

  const restore = async () => {
    try {
      const current = await loadSettings();
      const next = await saveSettings({ ...DEFAULT_SETTINGS, portals: current.settings.portals, columnMappings: current.settings.columnMappings });
      setSaved(next);
      setDraft(toDraft(next));
      setErrors({});
      setNotice({ kind: 'ok', text: t('optRestored') });
    } catch (e) {
      setNotice({ kind: 'error', text: t('optSaveError', { message: e instanceof Error ? e.message : String(e) }) });
    }
  };

  const savePortals = async (portals: string[]) => {
    const current = await loadSettings();
    const next = await saveSettings({ ...current.settings, portals });
    setSaved(next);
  };

  const errorCount = Object.keys(errors).length;

  return (
    <main className="options" data-testid="options">
      <header className="app-header">
        <h1>{t('optionsTitle')}</h1>
      </header>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        aria-describedby={errorCount > 0 ? 'settings-status' : undefined}
      >
        <DepartmentsEditor rows={draft.departments} errors={errors} onChange={(departments) => setDraft({ ...draft, departments })} />
        <FieldMappingEditor
          rows={draft.mapping}
          departments={draft.departments}
          errors={errors}
          onChange={(mapping) => setDraft({ ...draft, mapping })}
        />
        <ReportHeaderEditor value={draft.report} errors={errors} onChange={(report) => setDraft({ ...draft, report })} />
        <div className="buttons sticky">
          <button type="submit" data-testid="settings-save">
            {t('optSave')}
          </button>
          <button type="button" className="secondary" data-testid="settings-restore" onClick={() => void restore()}>
            {t('optRestoreDefaults')}
          </button>
        </div>
        <div id="settings-status">
          <Notice value={notice} testId="settings-status" />
        </div>
      </form>
      <PortalsEditor portals={saved.portals} save={savePortals} />
      <WalkOptionsPanel settings={saved} />
      <ColumnMappingsList
        mappings={saved.columnMappings ?? []}
        remove={async (host, signature) => {
          const current = await loadSettings();
          const next = await saveSettings(withoutMapping(current.settings, host, signature));
          setSaved(next);
        }}
      />
      <ClearDataPanel db={db} />
    </main>
  );
}
