// Strings of the inspector home, the kitchen's registry, escalation and sound: Chinese first, then English.

export const zhHome = {
  'home.placeholder': '—',
} as const;

export const enHome: Record<keyof typeof zhHome, string> = {
  'home.placeholder': '—',
};
