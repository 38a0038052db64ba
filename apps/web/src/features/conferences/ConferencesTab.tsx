export function ConferencesTab() {
  return null;
}
