import type { ReactNode } from 'react';

export function Badge({ children, tone = 'info' }: { children: ReactNode; tone?: 'info' | 'success' | 'danger' | 'neutral' }) {
  return <span className={`badge badge--${tone}`}>{children}</span>;
}
