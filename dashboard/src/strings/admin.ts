// Strings of the administration pages (sites, devices, users, gateway provisioning): Chinese first, then English.

export const zhAdmin = {
  'admin.placeholder': '—',
} as const;

export const enAdmin: Record<keyof typeof zhAdmin, string> = {
  'admin.placeholder': '—',
};
