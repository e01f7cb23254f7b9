// File > Open snapshot…: the menu item exists when the app gives it a handler, and the handler passes the chosen
// path to the service and shows what it says (the Electron binary is not installable here: its dialog is faked).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { applicationMenuTemplate } from '../../electron/main/applicationMenu';
import { openSnapshotFromMenu } from '../../electron/main/openSnapshotMenu';
import type { OpenedPortableSnapshot } from '../../shared/audit/portableSnapshot';

const dialog = vi.hoisted(() => ({ showOpenDialog: vi.fn(), showMessageBox: vi.fn() }));
vi.mock('electron', () => ({ dialog }));

const OPENED = {
  file: '/media/usb/acme.okta-snapshot',
  appVersion: '0.1.0',
  schemaVersion: 7,
  snapshotId: 12,
  orgUrl: 'https://acme.okta.com',
  exportedAt: '2025-01-02T03:04:05.000Z',
  snapshot: { id: 12, startedAt: '2025-01-01T00:00:00.000Z', counts: { users: 5, groups: 2 } },
} as unknown as OpenedPortableSnapshot;

describe('File > Open snapshot…', () => {
  beforeEach(() => {
    dialog.showOpenDialog.mockReset();
    dialog.showMessageBox.mockReset().mockResolvedValue({ response: 0 });
  });

  it('is in the File menu, before Quit, only when the app handles it', () => {
    const openSnapshot = vi.fn();
    const base = { platform: 'linux' as const, appName: 'Okta Prep', isPackaged: true, openHelp: () => {} };
    const file = applicationMenuTemplate({ ...base, openSnapshot })[0]!.submenu as {
      label?: string;
      click?: () => void;
    }[];
    expect(file[0]!.label).toBe('Open snapshot…');
    file[0]!.click!();
    expect(openSnapshot).toHaveBeenCalledOnce();
    const without = applicationMenuTemplate(base)[0]!.submenu as { label?: string }[];
    expect(without.map((item) => item.label)).not.toContain('Open snapshot…');
  });

  it('opens the chosen file through the service and says what it holds', async () => {
    dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [OPENED.file] });
    const openPortable = vi.fn().mockResolvedValue(OPENED);
    await openSnapshotFromMenu(null, { 'snapshot.openPortable': openPortable });
    expect(openPortable).toHaveBeenCalledWith({ path: OPENED.file });
    const shown = dialog.showMessageBox.mock.calls[0]![0] as { type: string; message: string; detail: string };
    expect(shown.type).toBe('info');
    expect(shown.message).toBe('Snapshot 12 of https://acme.okta.com');
    expect(shown.detail).toContain('users 5, groups 2');
  });

  it("shows the service's reason when the file cannot be opened, and does nothing when cancelled", async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/tmp/broken.okta-snapshot'] });
    const openPortable = vi.fn().mockRejectedValue(new Error('/tmp/broken.okta-snapshot is damaged'));
    await openSnapshotFromMenu(null, { 'snapshot.openPortable': openPortable });
    expect(dialog.showMessageBox).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'error', detail: '/tmp/broken.okta-snapshot is damaged' }),
    );
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    await openSnapshotFromMenu(null, { 'snapshot.openPortable': openPortable });
    expect(openPortable).toHaveBeenCalledOnce();
  });
});
