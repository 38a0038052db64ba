export function ReferralsTab() {
  return null;
}
