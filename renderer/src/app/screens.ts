// The app's screens in navigation order.

export const SCREENS = [
  { id: 'connect', label: 'Connect' },
  { id: 'pull', label: 'Pull' },
  { id: 'browse', label: 'Browse' },
  { id: 'findings', label: 'Findings' },
  { id: 'compare', label: 'Compare' },
  { id: 'validate', label: 'Validate' },
  { id: 'export', label: 'Export' },
  { id: 'upload', label: 'Upload' },
] as const;

export type ScreenId = (typeof SCREENS)[number]['id'];

export function isScreenId(value: unknown): value is ScreenId {
  return SCREENS.some((screen) => screen.id === value);
}
