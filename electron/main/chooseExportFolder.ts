// The Export screen's folder picker in the desktop app: the OS folder dialog (which may create a folder), attached to
// the app's window when there is one. The service calls it for `export.chooseFolder`.
import { BrowserWindow, dialog, type OpenDialogOptions } from 'electron';

export async function chooseExportFolder(defaultPath?: string): Promise<string | undefined> {
  const options: OpenDialogOptions = {
    title: 'Choose the output folder',
    buttonLabel: 'Export here',
    properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
    ...(defaultPath !== undefined && { defaultPath }),
  };
  const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  const choice = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return choice.canceled ? undefined : choice.filePaths[0];
}
